package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func (c *runner) trophies(args []string) int {
	fs := c.flags("trophies")
	batch := fs.String("batch", "", "the published batch, e.g. 2026-Q2")
	out := fs.String("out", "", "the file to write: .xlsx (or .pdf)")
	if _, ok := c.parse(fs, args, 0); !ok {
		return ExitUsage
	}
	if *batch == "" || *out == "" {
		return c.usageError("trophies: --batch and --out are required")
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if ext != ".xlsx" {
		return c.usageError("trophies: --out must end in .xlsx")
	}
	return c.withSession(func(s *Session) int {
		data, err := s.Services.Trophies.XLSX(*batch)
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
