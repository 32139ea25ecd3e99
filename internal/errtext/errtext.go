// Package errtext says in Chinese why a file could not be read or written:
// messages to the user are in Chinese, so the reason an os, zip or json
// error gives is said in words here, and the Go error text ("open x: no
// such file or directory", "zip: not a valid zip file") is left out.
package errtext

import (
	"archive/zip"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"syscall"
	"unicode"
)

// Read says in Chinese why a file could not be read or opened.
// Errors reportlint wrote itself (in Chinese) are kept as they are;
// otherwise fallback is said.
func Read(err error, fallback string) string {
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
	case IsChinese(err.Error()):
		return err.Error()
	}
	return fallback
}

// Write says in Chinese why a file could not be created or written:
// a missing path there means the folder does not exist.
func Write(err error) string {
	if errors.Is(err, fs.ErrNotExist) {
		return "目录不存在"
	}
	return Read(err, "写入出错")
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

// JSON says in Chinese what is wrong with a JSON document.
func JSON(err error) string {
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
	if field, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok && field != "" {
		return "含有未知的字段 " + field
	}
	return "不是有效的 JSON"
}

// IsChinese reports whether s contains Han characters: an error reportlint
// itself wrote for the user.
func IsChinese(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
