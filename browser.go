//go:build !desktop && !bindings

package main

import (
	"fmt"
	"os"
	"strings"

	"acedesk/app/cli"
)

// defaultArgs: a build without the window starts browser mode when given
// no command (only flags, or nothing), so the one binary still just runs.
func defaultArgs(args []string) []string {
	if len(args) == 0 || (strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help") {
		return append([]string{"serve"}, args...)
	}
	return args
}

// runDesktop is not reached through defaultArgs; it is here because the
// command line needs one.
func runDesktop(*cli.Session, error) int {
	fmt.Fprintln(os.Stderr, "acedesk: this build has no desktop window; run: acedesk serve")
	return cli.ExitUsage
}
