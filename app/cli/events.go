package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"acedesk/app/rules"
)

// placecards writes the tent cards of an event's front row and lists who
// sits there, in seating order.
func (c *runner) placecards(args []string) int {
	fs := c.flags("placecards")
	event := fs.Uint64("event", 0, "the event's ID")
	out := fs.String("out", "", "the PDF to write")
	if _, ok := c.parse(fs, args, 0); !ok {
		return ExitUsage
	}
	if *event == 0 || *out == "" {
		return c.usageError("placecards: --event and --out are required")
	}
	if !strings.EqualFold(filepath.Ext(*out), ".pdf") {
		return c.usageError("placecards: --out must end in .pdf")
	}
	return c.withSession(func(s *Session) int {
		row, err := s.Services.Attendees.FrontRow(*event)
		if err != nil {
			return c.fail(err)
		}
		f, err := s.Services.Attendees.PlaceCards(*event)
		if err != nil {
			return c.fail(err)
		}
		if err := os.WriteFile(*out, f.Data, 0o600); err != nil {
			return c.fail(err)
		}
		for _, r := range row {
			fmt.Fprintf(c.env.Stdout, "%s\t%s\t%s\n", r.Name, r.NameLatin, rules.Level(r.Level).LabelZH())
		}
		fmt.Fprintf(c.env.Stdout, "%d place cards written to %s\n", len(row), *out)
		return ExitOK
	})
}
