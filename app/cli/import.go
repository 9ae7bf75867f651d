package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"acedesk/app"
	"acedesk/app/service"
)

// importer is what an import command runs: the preview or the real thing.
type importer interface {
	Preview(fileName string, data []byte) (service.ImportReport, error)
	Apply(fileName string, data []byte) (service.ImportReport, error)
}

// importers are the services behind `import WHAT`.
var importers = map[string]func(*service.Services) importer{
	"members":       func(s *service.Services) importer { return s.MemberImport },
	"groups":        func(s *service.Services) importer { return s.GroupImport },
	"contributions": func(s *service.Services) importer { return s.ContributionImport },
}

// importFile runs `import WHAT FILE` with the importer of the session.
func (c *runner) importFile(what string, args []string, of func(*service.Services) importer) int {
	fs := c.flags("import " + what)
	dryRun := fs.Bool("dry-run", false, "show what would change, write nothing")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	pos, ok := c.parse(fs, args, 1)
	if !ok {
		return ExitUsage
	}
	path := pos[0]
	if st, err := os.Stat(path); err != nil {
		return c.fail(err)
	} else if st.Size() > app.MaxTableBytes {
		return c.fail(fmt.Errorf("%s is larger than %d MB", path, app.MaxTableBytes>>20))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return c.fail(err)
	}
	return c.withSession(func(s *Session) int {
		run := of(s.Services).Apply
		if *dryRun {
			run = of(s.Services).Preview
		}
		report, err := run(filepath.Base(path), data)
		// A refused import still has a report: show which rows were wrong.
		if len(report.Rows) > 0 {
			if code := c.printImport(report, *asJSON); code != ExitOK {
				return code
			}
		}
		if err != nil {
			return c.fail(err)
		}
		return ExitOK
	})
}

func (c *runner) printImport(r service.ImportReport, asJSON bool) int {
	if asJSON {
		return c.printJSON(r)
	}
	tw := tabwriter.NewWriter(c.env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ROW\tOUTCOME\tNAME\tDETAIL")
	for _, row := range r.Rows {
		detail := strings.Join(row.Changes, ", ")
		switch {
		case row.Outcome == service.ImportError:
			detail = row.Message
		case row.Contribution != nil:
			ct := row.Contribution
			detail = fmt.Sprintf("%s %s ×%d %s: %d points", ct.Date, ct.Kind, ct.Quantity, ct.Title, ct.Points)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", row.Row, row.Outcome, row.Name, detail)
	}
	if err := tw.Flush(); err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.env.Stdout, "%d new, %d updated, %d unchanged, %d with errors\n", r.New, r.Updated, r.Unchanged, r.Errors)
	switch {
	case r.Applied && r.Backup != "":
		fmt.Fprintf(c.env.Stdout, "written; the database before the import was kept as %s\n", r.Backup)
	case !r.Applied:
		fmt.Fprintln(c.env.Stdout, "nothing was written")
	}
	return ExitOK
}
