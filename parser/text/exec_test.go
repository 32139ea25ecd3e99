package text_test

import "os/exec"

func runPdftotext(in, out string) error {
	return exec.Command("pdftotext", "-layout", in, out).Run()
}
