package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"acedesk/app"
	"acedesk/app/service"
)

func (c *runner) export(args []string) int {
	fs := c.flags("export")
	format := fs.String("format", "", "the file's format: bundle, "+strings.Join(service.ExportFormats(), ", "))
	out := fs.String("out", "", "the file to write")
	year := fs.Int("year", 0, "the year of the standings (default: this year)")
	changes := fs.Bool("changes", false, "bundle only: just the records changed since the last export")
	if _, ok := c.parse(fs, args, 0); !ok {
		return ExitUsage
	}
	if *format == "" || *out == "" {
		return c.usageError("export: --format and --out are required")
	}
	if *format == "bundle" {
		return c.exportBundle(*out, *changes)
	}
	if *changes {
		return c.usageError("export: --changes goes with --format bundle")
	}
	return c.withSession(func(s *Session) int {
		err := writeAtomically(*out, func(f *os.File) error {
			return s.Services.Exporter.Write(context.Background(), f, service.ExportOptions{Format: *format, Year: *year})
		})
		if err != nil {
			return c.fail(err)
		}
		fmt.Fprintf(c.env.Stdout, "wrote %s\n", *out)
		return ExitOK
	})
}

// writeAtomically writes path (0600) through a temporary file in its
// folder, so a failed export leaves no half file and keeps an older one.
func writeAtomically(path string, write func(*os.File) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func (c *runner) pgPush(args []string) int {
	fs := c.flags("pg-push")
	dsn := fs.String("dsn", "", "the PostgreSQL connection: postgres://USER@HOST:PORT/DB (password from PGPASSWORD or ~/.pgpass)")
	year := fs.Int("year", 0, "the year of the standings (default: this year)")
	if _, ok := c.parse(fs, args, 0); !ok {
		return ExitUsage
	}
	if *dsn == "" {
		*dsn = c.env.Getenv("ACEDESK_PG_DSN")
	}
	if *dsn == "" {
		return c.usageError("pg-push: --dsn (or $ACEDESK_PG_DSN) is required")
	}
	return c.withSession(func(s *Session) int {
		sum, err := service.Push(context.Background(), s.Services.Export, *dsn, *year)
		if err != nil {
			return c.fail(err)
		}
		for _, l := range sum.Tables {
			fmt.Fprintf(c.env.Stdout, "%-14s %7d rows, %7d inserted or changed, %7d deleted\n", l.Table, l.Rows, l.Changed, l.Deleted)
		}
		fmt.Fprintf(c.env.Stdout, "loaded into %s (schema %s)\n", sum.Target, app.PGSchema)
		return ExitOK
	})
}
