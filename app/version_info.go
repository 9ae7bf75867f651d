package app

import "fmt"

// Commit and BuildDate are set at build time with -ldflags -X, like
// Version: the git commit the binary was built from, and when it was built
// (UTC, RFC 3339).
var (
	Commit    = "unknown"
	BuildDate = "unknown"
)

// VersionText is what `acedesk version` prints: the version on the first
// line, then the commit, the build date and the web view that draws the
// window (WebView, fixed by the build tags).
func VersionText() string {
	return fmt.Sprintf("acedesk %s\ncommit:  %s\nbuilt:   %s\nwindow:  %s\n", Version, Commit, BuildDate, WebView)
}
