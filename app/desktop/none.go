//go:build !desktop && !bindings

package desktop

import (
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"strings"

	"acedesk/app/cli"
)

// DefaultArgs gives a build without the window the serve command when it
// is given no command (only flags, or nothing): it starts browser mode, so
// the one binary still just runs. On a Mac, started from Finder, it also
// opens the browser at the address.
func DefaultArgs(args []string) []string { return defaultArgs(runtime.GOOS, args) }

func defaultArgs(goos string, args []string) []string {
	if len(args) == 0 || (strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help") {
		cmd := []string{"serve"}
		if goos == "darwin" {
			cmd = append(cmd, "--open")
		}
		return append(cmd, args...)
	}
	return args
}

// Run is not reached through DefaultArgs; it is here because the command
// line needs one.
func Run(fs.FS, []byte, <-chan struct{}) func(*cli.Session, error) int {
	return func(*cli.Session, error) int {
		fmt.Fprintln(os.Stderr, "acedesk: this build has no desktop window; run: acedesk serve")
		return cli.ExitUsage
	}
}
