package main

import (
	"errors"
	"io/fs"
	"os/exec"

	"github.com/reportlint/reportlint/internal/errtext"
)

// execReason says in Chinese why a program could not be started.
func execReason(err error) string {
	if errors.Is(err, exec.ErrNotFound) {
		return "找不到所需的程序"
	}
	return errtext.Read(err, "无法启动程序")
}

// listenReason says in Chinese why serve could not listen on an address.
func listenReason(err error) string {
	if errors.Is(err, fs.ErrPermission) {
		return "没有权限；1024 以下的端口需要管理员权限，请换一个端口"
	}
	return errtext.Read(err, "地址的写法不对或无法使用；应为 主机:端口，例如 127.0.0.1:8080")
}
