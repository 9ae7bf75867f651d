package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"
	"time"
)

func (c *runner) standings(args []string) int {
	fs := c.flags("standings")
	year := fs.Int("year", time.Now().Year(), "year")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, ok := c.parse(fs, args, 0); !ok {
		return ExitUsage
	}
	return c.withSession(func(s *Session) int { return c.printStandings(s, *year, *asJSON) })
}

func (c *runner) printStandings(s *Session, year int, asJSON bool) int {
	rows, err := s.Services.Standings.ForYear(year)
	if err != nil {
		return c.fail(err)
	}
	if asJSON {
		return c.printJSON(rows)
	}
	tw := tabwriter.NewWriter(c.env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tPHONE\tPOINTS\tLEVEL\tREASONS")
	for _, r := range rows {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%s\t%s\n", r.MemberID, r.Name, r.Phone, r.Points, r.Level, strings.Join(r.Reasons, "；"))
	}
	if err := tw.Flush(); err != nil {
		return c.fail(err)
	}
	return ExitOK
}
