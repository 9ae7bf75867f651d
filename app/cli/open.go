package cli

import (
	"acedesk/app/service"
	"fmt"
)

// openBrowser shows url in the system's browser (serve --open; a Mac
// browser-mode build started from Finder does it by itself). Failing only
// leaves the address printed for the user to open.
func (c *runner) openBrowser(url string) {
	if err := service.OpenInViewer(url); err != nil {
		fmt.Fprintf(c.env.Stderr, "acedesk: could not open the browser (%v): open %s yourself\n", err, url)
	}
}
