package cli

import (
	"fmt"
	"text/tabwriter"

	"acedesk/app"
)

// holders prints who holds a level in a year, as the honor ledger has it.
func (c *runner) holders(args []string) int {
	fs := c.flags("holders")
	year := fs.Int("year", c.env.Clock.Now().Year(), "year")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, ok := c.parse(fs, args, 0); !ok {
		return ExitUsage
	}
	return c.withSession(func(s *Session) int {
		rows, err := s.Services.Levels.Holders(*year)
		if err != nil {
			return c.fail(err)
		}
		if *asJSON {
			return c.printJSON(rows)
		}
		tw := tabwriter.NewWriter(c.env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "PHONE\tNAME\tLEVEL\tSOURCE\tSINCE")
		for _, r := range rows {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Phone, r.Name, r.Level, r.Source, r.At.Format(app.DateLayout))
		}
		if err := tw.Flush(); err != nil {
			return c.fail(err)
		}
		fmt.Fprintf(c.env.Stdout, "%d holders in %d\n", len(rows), *year)
		return ExitOK
	})
}

// decisionKinds are the decide command's words for the decisions.
var decisionKinds = map[string]string{
	"promote": app.DecisionPromotion, "invite": app.DecisionInvitation,
	"grant": app.DecisionSpecialGrant, "correct": app.DecisionCorrection,
}

// decide records a decision about a member's level in a year, with its
// reason, as the Groups page does. A promotion is of the group the
// member leads that year (--group when they lead several).
func (c *runner) decide(kind string, args []string) int {
	fs := c.flags("decide " + kind)
	phone := fs.String("member", "", "the member's phone")
	year := fs.Int("year", c.env.Clock.Now().Year(), "the year the decision is for")
	level := fs.String("level", "", "with grant: partner or ace; with correct: the level held (none removes it)")
	group := fs.String("group", "", "with promote: the group's name, when the member leads several")
	reason := fs.String("reason", "", "why (required)")
	if _, ok := c.parse(fs, args, 0); !ok {
		return ExitUsage
	}
	if *phone == "" {
		return c.usageError("decide: --member PHONE is required")
	}
	return c.withSession(func(s *Session) int {
		m, err := s.Services.Members.ByPhone(*phone)
		if err != nil {
			return c.fail(err)
		}
		d := app.Decision{Kind: decisionKinds[kind], MemberID: m.ID, Year: *year, Level: *level, Reason: *reason}
		if d.Kind == app.DecisionPromotion {
			if d.GroupID, err = s.Services.Groups.LedBy(m.ID, *year, *group); err != nil {
				return c.fail(err)
			}
		}
		d, err = s.Services.Decisions.Create(d)
		if err != nil {
			return c.fail(err)
		}
		fmt.Fprintf(c.env.Stdout, "decision %d: %s %s (%s) for %d: %s, by %s\n", d.ID, d.Kind, m.Name, m.Phone, d.Year, d.Level, d.DecidedBy)
		return ExitOK
	})
}
