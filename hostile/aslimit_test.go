package hostile

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// TestAddressSpaceLimit runs each of the issue-10 cases alone under a
// 2 GiB address-space limit (ulimit -v), as a user's CI might: exit 0 or
// 1, valid JSON, a P001/P002 where one is expected, in under 10 s and
// 1 GB, with the file checked in this process and in a worker.
func TestAddressSpaceLimit(t *testing.T) {
	if testing.Short() || runtime.GOOS != "linux" {
		t.Skip("runs the command under ulimit -v on Linux")
	}
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	dir := t.TempDir()
	for _, c := range xrefCases() {
		p := filepath.Join(dir, c.name)
		must(t, os.WriteFile(p, c.gen(t), 0o644))
		for _, isolate := range []string{"0", "1"} {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			cmd := exec.CommandContext(ctx, "sh", "-c", `ulimit -v 2097152 && exec "$0" "$@"`, rlBinary, "check", "--format", "json", p)
			cmd.Env = append(os.Environ(), "REPORTLINT_ISOLATE="+isolate)
			start := time.Now()
			out, err := cmd.Output()
			took := time.Since(start)
			cancel()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if code != 0 && code != 1 {
				t.Errorf("%s (isolate=%s): exit %d\n%s", c.name, isolate, code, out)
				continue
			}
			var doc jsonOut
			if err := json.Unmarshal(out, &doc); err != nil || len(doc.Files) != 1 {
				t.Errorf("%s (isolate=%s): output is not the JSON of one file: %v", c.name, isolate, err)
				continue
			}
			checkOutcome(t, c, outcomes(doc)[p])
			if took > 10*time.Second {
				t.Errorf("%s (isolate=%s): took %v", c.name, isolate, took)
			}
			if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && ru.Maxrss*1024 > 1<<30 {
				t.Errorf("%s (isolate=%s): peak RSS %d MiB", c.name, isolate, ru.Maxrss>>10)
			}
		}
	}
}
