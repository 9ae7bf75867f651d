package cli

import (
	"fmt"
)

// setup sets what a chapter sets on its first start, as the app's
// first-start dialog does: the chapter code and the operator.
func (c *runner) setup(args []string) int {
	fs := c.flags("setup")
	chapter := fs.String("chapter", "", "the chapter code, 2–6 capital letters, e.g. HZ")
	operator := fs.String("operator", "", "who the audit names for the changes made here")
	if _, ok := c.parse(fs, args, 0); !ok {
		return ExitUsage
	}
	return c.withSession(func(s *Session) int {
		if *operator != "" {
			st, err := s.Services.Settings.Get()
			if err == nil {
				st.Operator = *operator
				_, err = s.Services.Settings.Save(st)
			}
			if err != nil {
				return c.fail(err)
			}
		}
		setup, err := s.Services.Certificates.Setup()
		if err != nil {
			return c.fail(err)
		}
		if *chapter != "" && *chapter != setup.ChapterCode {
			setup.ChapterCode = *chapter
			if setup, err = s.Services.Certificates.SaveSetup(setup); err != nil {
				return c.fail(err)
			}
		}
		st, err := s.Services.Settings.Get()
		if err != nil {
			return c.fail(err)
		}
		fmt.Fprintf(c.env.Stdout, "chapter code\t%s\noperator\t%s\n", orNone(setup.ChapterCode), orNone(st.Operator))
		return ExitOK
	})
}

func orNone(s string) string {
	if s == "" {
		return "(not set)"
	}
	return s
}
