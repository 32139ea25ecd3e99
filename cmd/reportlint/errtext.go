package main

import (
	"archive/zip"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os/exec"
	"path"
	"path/filepath"
	"syscall"
	"unicode"
)

// Messages to the user are in Chinese: the reason an os, zip or json
// error gives is said in words here, and the Go error text ("open x: no
// such file or directory", "zip: not a valid zip file") is left out.

// readReason says in Chinese why a file could not be read or opened.
// Errors reportlint wrote itself (in Chinese) are kept as they are;
// otherwise fallback is said.
func readReason(err error, fallback string) string {
	var errno syscall.Errno
	switch {
	case err == nil:
		return fallback
	case errors.Is(err, fs.ErrNotExist):
		return "文件不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有权限"
	case errors.Is(err, zip.ErrFormat):
		return "不是有效的 xlsx（zip）文件"
	case errors.Is(err, zip.ErrChecksum):
		return "文件已损坏（zip 校验和不符）"
	case errors.Is(err, zip.ErrAlgorithm):
		return "使用了不支持的压缩方式"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "文件不完整（内容意外结束）"
	case errors.Is(err, filepath.ErrBadPattern), errors.Is(err, path.ErrBadPattern):
		return "写法不对（[ ] 没有配对，或以 \\ 结尾）"
	case errors.As(err, &errno):
		if r := errnoReason(errno); r != "" {
			return r
		}
	case isChinese(err.Error()):
		return err.Error()
	}
	return fallback
}

// writeReason says in Chinese why a file could not be created or written:
// a missing path there means the folder does not exist.
func writeReason(err error) string {
	if errors.Is(err, fs.ErrNotExist) {
		return "目录不存在"
	}
	return readReason(err, "写入出错")
}

func errnoReason(e syscall.Errno) string {
	switch e {
	case syscall.EISDIR:
		return "这是一个目录"
	case syscall.ENOTDIR:
		return "路径中有一级不是目录"
	case syscall.ENOSPC:
		return "磁盘空间不足"
	case syscall.EROFS:
		return "文件系统是只读的"
	case syscall.ENAMETOOLONG:
		return "文件名太长"
	case syscall.ELOOP:
		return "符号链接成环"
	case syscall.EADDRINUSE:
		return "端口已被占用"
	case syscall.EADDRNOTAVAIL:
		return "本机没有这个地址"
	case syscall.EMFILE, syscall.ENFILE:
		return "打开的文件太多"
	case syscall.EIO:
		return "读写设备出错"
	}
	return ""
}

// jsonReason says in Chinese what is wrong with a JSON document.
func jsonReason(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return "不是有效的 JSON"
	case errors.As(err, &typ):
		if typ.Field != "" {
			return "字段 " + typ.Field + " 的类型不对"
		}
		return "内容的结构不对"
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "JSON 不完整"
	}
	if s := err.Error(); len(s) > len(`json: unknown field `) && s[:len(`json: unknown field `)] == `json: unknown field ` {
		return "含有未知的字段 " + s[len(`json: unknown field `):]
	}
	return "不是有效的 JSON"
}

// execReason says in Chinese why a program could not be started.
func execReason(err error) string {
	if errors.Is(err, exec.ErrNotFound) {
		return "找不到所需的程序"
	}
	return readReason(err, "无法启动程序")
}

// isChinese reports whether s contains Han characters: an error reportlint
// itself wrote for the user.
func isChinese(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// listenReason says in Chinese why serve could not listen on an address.
func listenReason(err error) string {
	if errors.Is(err, fs.ErrPermission) {
		return "没有权限；1024 以下的端口需要管理员权限，请换一个端口"
	}
	return readReason(err, "地址的写法不对或无法使用；应为 主机:端口，例如 127.0.0.1:8080")
}
