package cli

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"path/filepath"
	"text/tabwriter"
	"time"

	"acedesk/app"
	"acedesk/app/control"
	"acedesk/app/web"
	"acedesk/store"
)

func (c *runner) desktop(args []string) int {
	if _, ok := c.parse(c.flags("acedesk"), args, 0); !ok {
		return ExitUsage
	}
	s, err := c.open()
	if err != nil {
		return c.env.Desktop(nil, err)
	}
	defer s.Close()
	stop := c.listenControl(s)
	defer stop()
	return c.env.Desktop(s, nil)
}

// listenControl answers hot-backup requests from other processes while the
// database is open here. Failing to listen only disables that.
func (c *runner) listenControl(s *Session) func() {
	srv, err := control.Listen(s.Store.Path(), s.Store.BackupToFile)
	if err != nil {
		fmt.Fprintln(c.env.Stderr, "acedesk: hot backup from other processes is unavailable:", err)
		return func() {}
	}
	return func() { srv.Close() }
}

func (c *runner) serve(args []string) int {
	fs := c.flags("serve")
	listen := fs.String("listen", "127.0.0.1:8080", "address to listen on (loopback only)")
	if _, ok := c.parse(fs, args, 0); !ok {
		return ExitUsage
	}
	host, _, err := net.SplitHostPort(*listen)
	if err != nil {
		return c.usageError("serve: --listen wants HOST:PORT, e.g. 127.0.0.1:8080")
	}
	if !web.IsLoopbackHost(host) {
		fmt.Fprintf(c.env.Stderr, "acedesk: serve: %s is not a loopback address; browser mode is limited to this computer (127.0.0.1, ::1 or localhost) until LAN mode with sign-in is available\n", host)
		return ExitUsage
	}
	s, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	stop := c.listenControl(s)
	defer stop()
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return c.fail(fmt.Errorf("listen on %s: %w", *listen, err))
	}
	logger := log.New(c.env.Stderr, "acedesk: ", log.LstdFlags)
	srv := &http.Server{
		Handler:           web.Handler(web.NewDispatcher(s.Services.Bindings()...), c.env.Assets, logger),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          logger,
	}
	fmt.Fprintf(c.env.Stdout, "ACE Desk 浏览器模式 / browser mode: http://%s/\n数据库 / database: %s\n", ln.Addr(), s.Store.Path())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return c.fail(err)
	case <-c.env.Interrupt:
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			return c.fail(err)
		}
		return ExitOK
	}
}

func (c *runner) demo(args []string) int {
	fs := c.flags("demo")
	n := fs.Int("members", app.DefaultDemoMembers, "number of members")
	if _, ok := c.parse(fs, args, 0); !ok {
		return ExitUsage
	}
	return c.withSession(func(s *Session) int {
		added, err := s.Services.System.LoadDemo(*n)
		if err != nil {
			return c.fail(err)
		}
		fmt.Fprintf(c.env.Stdout, "added %d demo members to %s\n", added, s.Store.Path())
		return ExitOK
	})
}

// memberRow is the stable shape of `members list --json`.
type memberRow struct {
	ID           uint64 `json:"id"`
	Name         string `json:"name"`
	NameLatin    string `json:"name_latin"`
	Phone        string `json:"phone"`
	Email        string `json:"email"`
	City         string `json:"city"`
	Organization string `json:"organization"`
	OrgCategory  string `json:"org_category"`
	Title        string `json:"title"`
	Archived     bool   `json:"archived"`
}

func (c *runner) membersList(args []string) int {
	fs := c.flags("members list")
	asJSON := fs.Bool("json", false, "print JSON")
	archived := fs.Bool("archived", false, "list the archive instead of the roster")
	if _, ok := c.parse(fs, args, 0); !ok {
		return ExitUsage
	}
	return c.withSession(func(s *Session) int { return c.printMembers(s, *archived, *asJSON) })
}

func (c *runner) printMembers(s *Session, archived, asJSON bool) int {
	rows := []memberRow{}
	for offset := 0; ; offset += app.MaxPageSize {
		page, err := s.Services.Members.Search(app.MemberQuery{Archived: archived, Offset: offset, Limit: app.MaxPageSize})
		if err != nil {
			return c.fail(err)
		}
		for _, m := range page.Items {
			rows = append(rows, memberRow{m.ID, m.Name, m.NameLatin, m.Phone, m.Email, m.City, m.Organization, m.OrgCategory, m.Title, m.Archived})
		}
		if offset+app.MaxPageSize >= page.Total {
			break
		}
	}
	if asJSON {
		return c.printJSON(rows)
	}
	tw := tabwriter.NewWriter(c.env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tLATIN\tPHONE\tCITY\tORGANIZATION")
	for _, r := range rows {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Name, r.NameLatin, r.Phone, r.City, r.Organization)
	}
	if err := tw.Flush(); err != nil {
		return c.fail(err)
	}
	return ExitOK
}

func (c *runner) backup(args []string) int {
	fs := c.flags("backup")
	pos, ok := c.parse(fs, args, 1)
	if !ok {
		return ExitUsage
	}
	target, err := filepath.Abs(pos[0])
	if err != nil {
		return c.fail(err)
	}
	s, err := c.open()
	switch {
	case errors.Is(err, store.ErrLocked):
		// Another ACE Desk holds the file: ask it to write the backup.
		if err := control.RequestBackup(c.resolveDB(), target); err != nil {
			if errors.Is(err, control.ErrNoServer) {
				return c.fail(store.ErrLocked)
			}
			return c.fail(err)
		}
	case err != nil:
		return c.fail(err)
	default:
		err = s.Store.BackupToFile(target)
		s.Close()
		if err != nil {
			return c.fail(err)
		}
	}
	fmt.Fprintf(c.env.Stdout, "backup written to %s\n", target)
	return ExitOK
}

func (c *runner) restore(args []string) int {
	fs := c.flags("restore")
	pos, ok := c.parse(fs, args, 1)
	if !ok {
		return ExitUsage
	}
	db := c.resolveDB()
	previous, err := store.Restore(db, pos[0], app.SystemClock{})
	if err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.env.Stdout, "restored %s from %s\n", db, pos[0])
	if previous != "" {
		fmt.Fprintf(c.env.Stdout, "the replaced database was kept as %s\n", previous)
	}
	return ExitOK
}
