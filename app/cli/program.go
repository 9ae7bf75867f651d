package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"acedesk/app"
)

func (c *runner) standings(args []string) int {
	fs := c.flags("standings")
	year := fs.Int("year", c.env.Clock.Now().Year(), "year")
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

func (c *runner) batch(publish bool, args []string) int {
	name := "batch preview"
	if publish {
		name = "batch publish"
	}
	fs := c.flags(name)
	asJSON := fs.Bool("json", false, "print JSON")
	pos, ok := c.parse(fs, args, 1)
	if !ok {
		return ExitUsage
	}
	return c.withSession(func(s *Session) int {
		get := s.Services.Levels.Batch
		if publish {
			get = s.Services.Levels.PublishBatch
		}
		b, err := get(pos[0])
		if err != nil {
			return c.fail(err)
		}
		if *asJSON {
			return c.printJSON(b)
		}
		tw := tabwriter.NewWriter(c.env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tPHONE\tCITY\tKIND\tLEVEL\tQUALIFIED\tREASON")
		for _, e := range b.Entries {
			level, qualified := e.Level, e.QualifiedOn
			if e.Kind == app.BatchUpgrade {
				level = e.From + "→" + e.Level
			}
			if e.Late {
				qualified += " (late)"
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.MemberID, e.Name, e.Phone, e.City, e.Kind, level, qualified, e.Reason.Text)
		}
		if err := tw.Flush(); err != nil {
			return c.fail(err)
		}
		switch {
		case b.Published:
			fmt.Fprintf(c.env.Stdout, "batch %s: %d members, published %s by %s\n", b.ID, len(b.Entries), b.PublishedAt.Format(time.DateTime), b.PublishedBy)
		case b.Blocked.Code != "":
			fmt.Fprintf(c.env.Stdout, "batch %s (preview): %d members; cannot be published yet: %s\n", b.ID, len(b.Entries), b.Blocked.Text)
		default:
			fmt.Fprintf(c.env.Stdout, "batch %s (preview): %d members; publish with: acedesk batch publish %s\n", b.ID, len(b.Entries), b.ID)
		}
		return ExitOK
	})
}

func (c *runner) renew(args []string) int {
	fs := c.flags("renew")
	year := fs.Int("year", c.env.Clock.Now().Year(), "the year under review (decides year+1)")
	confirm := fs.Bool("confirm", false, "confirm the renewal (from 31 December), or its pending amendments")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, ok := c.parse(fs, args, 0); !ok {
		return ExitUsage
	}
	return c.withSession(func(s *Session) int {
		get := s.Services.Levels.Renewal
		if *confirm {
			get = s.Services.Levels.ConfirmRenewal
		}
		r, err := get(*year)
		if err != nil {
			return c.fail(err)
		}
		if *asJSON {
			return c.printJSON(r)
		}
		tw := tabwriter.NewWriter(c.env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tPHONE\tPOINTS\tFROM\tTO\tOUTCOME\tREASON")
		for _, e := range r.Entries {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", e.MemberID, e.Name, e.Phone, e.Points, e.From, e.To, e.Outcome, e.Reason.Text)
		}
		if err := tw.Flush(); err != nil {
			return c.fail(err)
		}
		counts := fmt.Sprintf("%d keep, %d rise, %d down, %d lapse, %d new", r.Counts["keep"], r.Counts["rise"], r.Counts["down"], r.Counts["lapse"], r.Counts["new"])
		switch {
		case r.Confirmed && len(r.Pending) > 0:
			fmt.Fprintf(c.env.Stdout, "renewal of %d confirmed %s by %s: %s\n", r.Year, r.ConfirmedAt.Format(time.DateTime), r.ConfirmedBy, counts)
			fmt.Fprintf(c.env.Stdout, "records of %d that came later change %d of its members:\n", r.Year, len(r.Pending))
			for _, e := range r.Pending {
				fmt.Fprintf(c.env.Stdout, "  %d %s %s: %s → %s (%s)\n", e.MemberID, e.Name, e.Phone, e.Was, e.To, e.Reason.Text)
			}
			fmt.Fprintf(c.env.Stdout, "confirm the amendment with: acedesk renew --year %d --confirm\n", r.Year)
		case r.Confirmed:
			fmt.Fprintf(c.env.Stdout, "renewal of %d confirmed %s by %s: %s\n", r.Year, r.ConfirmedAt.Format(time.DateTime), r.ConfirmedBy, counts)
		case r.Blocked.Code != "":
			fmt.Fprintf(c.env.Stdout, "renewal of %d (preview): %s; cannot be confirmed yet: %s\n", r.Year, counts, r.Blocked.Text)
		default:
			fmt.Fprintf(c.env.Stdout, "renewal of %d (preview): %s; confirm with: acedesk renew --year %d --confirm\n", r.Year, counts, r.Year)
		}
		return ExitOK
	})
}
