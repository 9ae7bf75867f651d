//go:build !desktop && !bindings

package desktop

import (
	"fmt"
	"io/fs"
	"os"
	"strings"

	"acedesk/app/cli"
)

// DefaultArgs gives a build without the window the serve command when it
// is given no command (only flags, or nothing): it starts browser mode, so
// the one binary still just runs.
func DefaultArgs(args []string) []string {
	if len(args) == 0 || (strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help") {
		return append([]string{"serve"}, args...)
	}
	return args
}

// Run is not reached through DefaultArgs; it is here because the command
// line needs one.
func Run(fs.FS, []byte) func(*cli.Session, error) int {
	return func(*cli.Session, error) int {
		fmt.Fprintln(os.Stderr, "acedesk: this build has no desktop window; run: acedesk serve")
		return cli.ExitUsage
	}
}
