package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"text/tabwriter"
	"time"

	"acedesk/app"
	"acedesk/app/control"
	"acedesk/app/service"
	"acedesk/app/web"
)

func (c *runner) desktop() int {
	// The window has no terminal to echo the log to.
	s, err := c.env.Open(c.resolveDB(), nil)
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
	srv, err := control.Listen(s.DB.Path(), s.DB.BackupToFile)
	if err != nil {
		fmt.Fprintln(c.env.Stderr, "acedesk: hot backup from other processes is unavailable:", err)
		return func() {}
	}
	return func() { srv.Close() }
}

func (c *runner) serve(args []string) int {
	fs := c.flags("serve")
	listen := fs.String("listen", "", "address to listen on (loopback only, unless --lan)")
	lan := fs.Bool("lan", false, "also serve paired devices on the LAN")
	useTLS := fs.Bool("tls", false, "with --lan: HTTPS with a self-signed certificate")
	local := fs.String("local", "127.0.0.1:8080", "with --lan: the loopback address for this computer's browser")
	open := fs.Bool("open", false, "open the address in this computer's browser")
	if _, ok := c.parse(fs, args, 0); !ok {
		return ExitUsage
	}
	if *useTLS && !*lan {
		return c.usageError("serve: --tls needs --lan")
	}
	loopback := *listen
	if *lan {
		loopback = *local
		if *listen == "" {
			*listen = web.DefaultLANListen
		}
	} else if loopback == "" {
		loopback = "127.0.0.1:8080"
	}
	host, _, err := net.SplitHostPort(loopback)
	if err != nil {
		return c.usageError("serve: --listen wants HOST:PORT, e.g. 127.0.0.1:8080")
	}
	if !web.IsLoopbackHost(host) {
		fmt.Fprintf(c.env.Stderr, "acedesk: serve: %s is not a loopback address; without --lan browser mode is limited to this computer (127.0.0.1, ::1 or localhost)\n", host)
		return ExitUsage
	}
	s, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	stop := c.listenControl(s)
	defer stop()
	ln, err := net.Listen("tcp", loopback)
	if err != nil {
		return c.fail(fmt.Errorf("listen on %s: %w", loopback, err))
	}
	srv := web.NewServer(s.Hub.Handler(), s.Log)
	// The address carries this launch's key: without it, another account
	// on this computer gets only the page (see app/web/local.go).
	address := s.Hub.LocalURL(fmt.Sprintf("http://%s/", ln.Addr()))
	fmt.Fprintf(c.env.Stdout, "ACE Desk 浏览器模式 / browser mode: %s\n数据库 / database: %s\n", address, s.DB.Path())
	if *open {
		c.openBrowser(address)
	}
	if *lan {
		if err := c.startLAN(s, web.LanOptions{Listen: *listen, TLS: *useTLS}, address); err != nil {
			ln.Close()
			return c.fail(err)
		}
	}
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

// startLAN turns LAN mode on and prints where devices reach it, the
// certificate's fingerprint to compare on the phone, and a desk pairing
// code (on the terminal only: it is a secret for the operator to hand out).
func (c *runner) startLAN(s *Session, opts web.LanOptions, local string) error {
	st, err := s.Hub.Lan.Start(opts)
	if err != nil {
		return err
	}
	code, err := s.Hub.Lan.NewPairingCode(app.RoleDesk)
	if err != nil {
		return err
	}
	out := c.env.Stdout
	fmt.Fprintf(out, "局域网模式 / LAN mode: %s\n", st.Listen)
	for _, u := range st.URLs {
		fmt.Fprintf(out, "  %s\n", u)
	}
	if st.Fingerprint != "" {
		fmt.Fprintf(out, "证书指纹 / certificate fingerprint (SHA-256):\n  %s\n", st.Fingerprint)
	}
	fmt.Fprintf(out, "门口配对码 / desk pairing code: %s (10 分钟内有效，仅一次 / valid 10 minutes, once)\n", code.Code)
	if code.PairURL != "" {
		fmt.Fprintf(out, "  %s\n", code.PairURL)
	}
	fmt.Fprintf(out, "更多配对码与设备管理 / more codes and the paired devices: %s#/settings (this computer only)\n", local)
	return nil
}

func (c *runner) demo(args []string) int {
	fs := c.flags("demo")
	n := fs.Int("members", service.DefaultDemoMembers, "number of members")
	if _, ok := c.parse(fs, args, 0); !ok {
		return ExitUsage
	}
	return c.withSession(func(s *Session) int {
		added, err := s.Services.System.LoadDemo(*n)
		if err != nil {
			return c.fail(err)
		}
		fmt.Fprintf(c.env.Stdout, "added %d demo members to %s\n", added, s.DB.Path())
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
	case errors.Is(err, app.ErrDatabaseLocked):
		// Another ACE Desk holds the file: ask it to write the backup.
		if err := control.RequestBackup(c.resolveDB(), target); err != nil {
			if errors.Is(err, control.ErrNoServer) {
				return c.fail(app.ErrDatabaseLocked)
			}
			return c.fail(err)
		}
	case err != nil:
		return c.fail(err)
	default:
		err = s.DB.BackupToFile(target)
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
	previous, err := c.env.Restore(db, pos[0])
	if err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(c.env.Stdout, "restored %s from %s\n", db, pos[0])
	if previous != "" {
		fmt.Fprintf(c.env.Stdout, "the replaced database was kept as %s\n", previous)
	}
	return ExitOK
}
