package cli

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"acedesk/app"
	"acedesk/app/service"
)

// exportBundle writes the chapter's signed bundle: everything, or with
// changes only what changed since the last export.
func (c *runner) exportBundle(out string, changes bool) int {
	return c.withSession(func(s *Session) int {
		m, err := service.ExportBundleFile(s.Services.Bundles, out, changes)
		if err != nil {
			return c.fail(err)
		}
		total := 0
		for _, f := range m.Files {
			total += f.Rows
		}
		fmt.Fprintf(c.env.Stdout, "wrote %s: %s bundle of chapter %s, %d records, key %s\n",
			out, m.Kind, m.Chapter.ID, total, app.KeyFingerprint(m.PublicKey))
		return ExitOK
	})
}

// merge verifies and merges chapter bundles, each whole in its own
// transaction; a refused bundle does not stop the others, but the exit
// code says one failed.
func (c *runner) merge(args []string) int {
	fs := c.flags("merge")
	accept := map[string]bool{}
	fs.Func("accept-key", "accept a new key for this chapter ID (repeatable)", func(v string) error {
		accept[v] = true
		return nil
	})
	conflicts := fs.String("conflicts", "", "write the conflicts to this .xlsx file")
	asJSON := fs.Bool("json", false, "print JSON")
	paths, ok := c.parse(fs, args, AtLeastOne)
	if !ok {
		return ExitUsage
	}
	if *conflicts != "" && !strings.HasSuffix(strings.ToLower(*conflicts), ".xlsx") {
		return c.usageError("merge: --conflicts must end in .xlsx")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		select {
		case <-c.env.Interrupt:
			cancel()
		case <-ctx.Done():
		}
	}()
	return c.withSession(func(s *Session) int {
		outcomes := make([]service.MergeOutcome, 0, len(paths))
		results := []app.MergeResult{}
		code := ExitOK
		for _, p := range paths {
			o := service.MergeOutcome{File: p}
			b, err := service.OpenBundle(s.Services.Bundles, p)
			var r app.MergeResult
			if err == nil {
				r, err = service.MergeVerified(ctx, s.Services.Bundles, b, accept[b.Manifest.Chapter.ID], nil)
			}
			if err != nil {
				o.Error, code = app.AsError(err), ExitError
			} else {
				o.Result = &r
				results = append(results, r)
			}
			outcomes = append(outcomes, o)
		}
		if *conflicts != "" {
			if err := service.WriteConflictsXLSX(s.Services.Bundles, *conflicts, results); err != nil {
				return c.fail(err)
			}
		}
		if *asJSON {
			if rc := c.printJSON(outcomes); rc != ExitOK {
				return rc
			}
			return code
		}
		c.printMerge(outcomes)
		return code
	})
}

func (c *runner) printMerge(outcomes []service.MergeOutcome) {
	for _, o := range outcomes {
		if o.Error != nil {
			fmt.Fprintf(c.env.Stderr, "acedesk: %s refused, nothing merged: %s\n", o.File, o.Error.Message)
			if o.Error.Reason == "bundle_key_unconfirmed" || o.Error.Reason == "bundle_key_changed" {
				fmt.Fprintf(c.env.Stderr, "  once the chapter has read you the same fingerprint (acedesk key): acedesk merge --accept-key %s %s\n",
					o.Error.Params["chapter"], o.File)
			}
			continue
		}
		r := o.Result
		fmt.Fprintf(c.env.Stdout, "%s: chapter %s (%s), %s bundle, key %s", o.File, r.Chapter.ID, r.Chapter.Name, r.Kind, r.Fingerprint)
		switch {
		case r.NewChapter:
			fmt.Fprint(c.env.Stdout, " (new chapter: key accepted, trusted from now on)")
		case r.KeyChanged:
			fmt.Fprint(c.env.Stdout, " (new key accepted)")
		}
		fmt.Fprintln(c.env.Stdout)
		tw := tabwriter.NewWriter(c.env.Stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "  KIND\tADDED\tUPDATED\tUNCHANGED\tHELD BACK\tDELETED")
		for _, n := range r.Counts {
			fmt.Fprintf(tw, "  %s\t%d\t%d\t%d\t%d\t%d\n", n.Kind, n.Added, n.Updated, n.Unchanged, n.HeldBack, n.Deleted)
		}
		tw.Flush()
		fmt.Fprintf(c.env.Stdout, "  %d member(s) already here joined this chapter; %d conflict(s)\n", r.Linked, len(r.Conflicts))
		for _, k := range r.Conflicts {
			fmt.Fprintf(c.env.Stdout, "  conflict: %s %s: %s (%s: %q here, %q in the bundle)\n", k.Kind, k.SourceID, k.Reason, k.Field, k.Existing, k.Incoming)
		}
	}
}
