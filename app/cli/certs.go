package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"acedesk/app"
	"acedesk/app/service"
)

func (c *runner) trophies(args []string) int {
	fs := c.flags("trophies")
	batch := fs.String("batch", "", "the published batch, e.g. 2026-Q2")
	out := fs.String("out", "", "the file to write: .pdf or .xlsx")
	if _, ok := c.parse(fs, args, 0); !ok {
		return ExitUsage
	}
	if *batch == "" || *out == "" {
		return c.usageError("trophies: --batch and --out are required")
	}
	var export func(*service.TrophyService, string) ([]byte, error)
	switch strings.ToLower(filepath.Ext(*out)) {
	case ".pdf":
		export = (*service.TrophyService).PDF
	case ".xlsx":
		export = (*service.TrophyService).XLSX
	default:
		return c.usageError("trophies: --out must end in .pdf or .xlsx")
	}
	return c.withSession(func(s *Session) int {
		data, err := export(s.Services.Trophies, *batch)
		if err != nil {
			return c.fail(err)
		}
		if err := os.WriteFile(*out, data, 0o600); err != nil {
			return c.fail(err)
		}
		fmt.Fprintf(c.env.Stdout, "wrote %s\n", *out)
		return ExitOK
	})
}

func (c *runner) certs(args []string) int {
	fs := c.flags("certs")
	batch := fs.String("batch", "", "every honor certificate of a published batch, e.g. 2026-Q2")
	phone := fs.String("member", "", "one member, by phone")
	kind := fs.String("kind", "honor", "with --member: honor, appointment or thanks")
	year := fs.Int("year", c.env.Clock.Now().Year(), "with --member: the year of the level or the appointment")
	event := fs.Uint64("event", 0, "with --kind thanks: the event's ID")
	out := fs.String("out", "", "write one PDF with every certificate")
	split := fs.String("split", "", "write one PDF per certificate into this folder")
	if _, ok := c.parse(fs, args, 0); !ok {
		return ExitUsage
	}
	if (*batch == "") == (*phone == "") || (*out == "") == (*split == "") {
		return c.usageError("certs: give --batch or --member, and --out FILE.pdf or --split DIR")
	}
	return c.withSession(func(s *Session) int {
		var certs []app.Certificate
		var err error
		if *batch != "" {
			certs, err = s.Services.Certificates.ForBatch(*batch)
		} else {
			var m app.Member
			if m, err = s.Services.Members.ByPhone(*phone); err == nil {
				certs, err = s.Services.Certificates.ForMember(m.ID, *kind, *year, *event)
			}
		}
		if err != nil {
			return c.fail(err)
		}
		serials := make([]string, len(certs))
		for i, x := range certs {
			serials[i] = x.Serial
		}
		files, err := s.Services.Certificates.Render(serials, *split != "")
		if err != nil {
			return c.fail(err)
		}
		for _, f := range files {
			path := *out
			if *split != "" {
				if err := os.MkdirAll(*split, 0o700); err != nil {
					return c.fail(err)
				}
				path = filepath.Join(*split, f.Name)
			}
			if err := os.WriteFile(path, f.Data, 0o600); err != nil {
				return c.fail(err)
			}
		}
		for _, x := range certs {
			note := ""
			if *out != "" && x.Prints > 0 {
				note = fmt.Sprintf(" (reprint: paper %d)", x.Prints+1)
			}
			fmt.Fprintf(c.env.Stdout, "%s\t%s\t%s%s\n", x.Serial, x.Name, x.Title, note)
		}
		fmt.Fprintf(c.env.Stdout, "%d certificates written to %s%s\n", len(certs), *out, *split)
		return ExitOK
	})
}
