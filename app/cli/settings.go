package cli

import (
	"fmt"
	"slices"
	"strings"
)

// settingKeys are the settings the command line reads and writes.
var settingKeys = []string{"chapter_code", "operator", "language"}

// settings gets or sets one setting: the chapter code (Settings,
// Certificates), the operator's name or the language.
func (c *runner) settings(verb string, args []string) int {
	fs := c.flags("settings " + verb)
	want := 1
	if verb == "set" {
		want = 2
	}
	pos, ok := c.parse(fs, args, want)
	if !ok {
		return ExitUsage
	}
	key := pos[0]
	if !slices.Contains(settingKeys, key) {
		return c.usageError("settings: unknown key " + key + "; use " + strings.Join(settingKeys, ", "))
	}
	return c.withSession(func(s *Session) int {
		if verb == "get" {
			v, err := getSetting(s, key)
			if err != nil {
				return c.fail(err)
			}
			fmt.Fprintln(c.env.Stdout, v)
			return ExitOK
		}
		if err := setSetting(s, key, pos[1]); err != nil {
			return c.fail(err)
		}
		v, err := getSetting(s, key)
		if err != nil {
			return c.fail(err)
		}
		fmt.Fprintf(c.env.Stdout, "%s = %s\n", key, v)
		return ExitOK
	})
}

func getSetting(s *Session, key string) (string, error) {
	if key == "chapter_code" {
		setup, err := s.Services.Certificates.Setup()
		return setup.ChapterCode, err
	}
	st, err := s.Services.Settings.Get()
	if key == "operator" {
		return st.Operator, err
	}
	return st.Language, err
}

func setSetting(s *Session, key, value string) error {
	if key == "chapter_code" {
		setup, err := s.Services.Certificates.Setup()
		if err != nil {
			return err
		}
		setup.ChapterCode = value
		_, err = s.Services.Certificates.SaveSetup(setup)
		return err
	}
	st, err := s.Services.Settings.Get()
	if err != nil {
		return err
	}
	if key == "operator" {
		st.Operator = value
	} else {
		st.Language = value
	}
	_, err = s.Services.Settings.Save(st)
	return err
}
