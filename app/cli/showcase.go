package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"acedesk/app"
)

func (c *runner) showcase(args []string) int {
	fs := c.flags("showcase")
	out := fs.String("out", "", "the file to write: .json or .html")
	year := fs.Int("year", 0, "the year whose holders to list (default: this year)")
	if _, ok := c.parse(fs, args, 0); !ok {
		return ExitUsage
	}
	format := strings.TrimPrefix(strings.ToLower(filepath.Ext(*out)), ".")
	if format != "json" && format != "html" {
		return c.usageError("showcase: --out must end in .json or .html")
	}
	return c.withSession(func(s *Session) int {
		f, err := s.Services.Levels.ShowcaseFile(*year, format)
		if err != nil {
			return c.fail(err)
		}
		return c.writeFile(*out, f.Data)
	})
}

func (c *runner) badge(args []string) int {
	fs := c.flags("badge")
	serial := fs.String("serial", "", "one certificate, by serial")
	batch := fs.String("batch", "", "every certificate issued for a published batch, e.g. 2026-Q2")
	out := fs.String("out", "", "with --serial: the .json file; with --batch: a folder")
	if _, ok := c.parse(fs, args, 0); !ok {
		return ExitUsage
	}
	if (*serial == "") == (*batch == "") || *out == "" {
		return c.usageError("badge: give --serial SERIAL --out FILE.json, or --batch YYYY-Qn --out DIR")
	}
	return c.withSession(func(s *Session) int {
		if *serial != "" {
			f, err := s.Services.Certificates.OpenBadge(*serial)
			if err != nil {
				return c.fail(err)
			}
			return c.writeFile(*out, f.Data)
		}
		return c.batchBadges(s, *batch, *out)
	})
}

// batchBadges writes the credentials of a batch's certificates as issued
// so far (exporting issues nothing), skipping revoked ones.
func (c *runner) batchBadges(s *Session, batch, dir string) int {
	id, err := app.ParseBatchID(batch)
	if err != nil {
		return c.fail(err)
	}
	certs, err := s.Services.Certificates.List()
	if err != nil {
		return c.fail(err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return c.fail(err)
	}
	written, revoked := 0, 0
	for _, x := range certs {
		if x.Source != "batch:"+id.String() {
			continue
		}
		if x.Revoked {
			revoked++
			continue
		}
		f, err := s.Services.Certificates.OpenBadge(x.Serial)
		if err != nil {
			return c.fail(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o600); err != nil {
			return c.fail(err)
		}
		fmt.Fprintf(c.env.Stdout, "%s\t%s\n", x.Serial, x.Name)
		written++
	}
	if written == 0 && revoked == 0 {
		return c.fail(fmt.Errorf("no certificates were issued for batch %s: print them first with acedesk certs --batch %s", id, id))
	}
	fmt.Fprintf(c.env.Stdout, "%d badges written to %s", written, dir)
	if revoked > 0 {
		fmt.Fprintf(c.env.Stdout, " (%d revoked certificates left out)", revoked)
	}
	fmt.Fprintln(c.env.Stdout)
	return ExitOK
}

// writeFile writes data (0600, like every data file) and says so.
func (c *runner) writeFile(path string, data []byte) int {
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.env.Stdout, "wrote %s\n", path)
	return ExitOK
}
