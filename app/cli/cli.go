// Package cli is ACE Desk's command line: it parses arguments, opens the
// database and runs a command on the same services the UI uses.
package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"acedesk/app"
	"acedesk/app/service"
	"acedesk/app/web"
)

// Exit codes.
const (
	ExitOK     = 0
	ExitError  = 1
	ExitUsage  = 2
	ExitLocked = 3
)

// Env is what the command line needs from the outside world.
type Env struct {
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// Open opens the database at path with all that serves it: main.go
	// wires the store, the adapters, the services and the hub. The log
	// echoes to echo too, when it is not nil.
	Open func(path string, echo io.Writer) (*Session, error)
	// Restore replaces the database at dbPath with the backup at from,
	// and returns where the replaced database was kept ("" for none).
	Restore func(dbPath, from string) (string, error)
	// LogPath is where the database at dbPath logs.
	LogPath func(dbPath string) string
	// Clock gives the flags' default year: the same as the sessions'.
	Clock app.Clock
	// Desktop runs the window on an opened session, or shows openErr when
	// the database could not be opened. It returns the exit code.
	Desktop func(s *Session, openErr error) int
	// Interrupt is closed to stop a long-running command (serve).
	Interrupt <-chan struct{}
}

// Session is an opened database with its services.
type Session struct {
	DB       Database
	Services *service.Services
	// Hub serves the browser and the LAN over the same services.
	Hub *web.Hub
	// Log is the session's one log (see app/logfile), closed with it.
	Log     *slog.Logger
	LogFile io.Closer
}

// Database is the open database file, as the command line handles it.
type Database interface {
	Path() string
	// BackupToFile writes a consistent copy of the database to path.
	BackupToFile(path string) error
	Close() error
}

// Close stops LAN mode and releases the database and the log.
func (s *Session) Close() error {
	s.Hub.Close()
	err := s.DB.Close()
	if s.LogFile != nil {
		err = errors.Join(err, s.LogFile.Close())
	}
	return err
}

const usage = `ACE Desk — PostgreSQL ACE 贡献者荣誉体系 / PostgreSQL ACE contributor honor program desk

Usage:
  acedesk [--db PATH]                         open the desktop window
  acedesk serve [--listen 127.0.0.1:8080] [--open]
                                              browser mode on this computer; --open shows it
                                              in the browser
  acedesk serve --lan [--listen 0.0.0.0:8443] [--tls] [--local 127.0.0.1:8080]
                                              also serve phones and laptops on the LAN, which
                                              pair with a one-time code (printed, and made on
                                              this computer's Settings page)
  acedesk setup [--chapter CODE] [--operator NAME]
                                              the first start: the chapter code every certificate
                                              serial carries (fixed once one is issued) and who
                                              the audit names; without flags, print them
  acedesk demo [--members N]                  fill an EMPTY database with demo data
  acedesk members list [--json] [--archived]  print the roster
  acedesk standings [--year Y] [--json]       points and levels of a year, with reasons
  acedesk import members|groups|contributions FILE [--dry-run] [--json]
                                              merge a roster, groups with their leads, or
                                              contributions (XLSX or CSV: UTF-8 or GBK); all or nothing
  acedesk batch preview|publish YYYY-Qn|YYYY-Sn [--json]
                                              a quarter's new members and upgrades (YYYY-Sn: a
                                              supplementary batch after Q4); publish freezes it
  acedesk renew --year Y [--confirm] [--json] year-end renewal: every holder and new member of Y
                                              gets a level for Y+1; --confirm from 31 December,
                                              and again to confirm the amendments later records call for
  acedesk holders [--year Y] [--json]         who holds a level in Y: phone, name, level, source, date
  acedesk decide promote|invite|grant|correct --member PHONE [--year Y] [--level L] [--group NAME] --reason TEXT
                                              a decision about a member's level in Y, with its reason
  acedesk settings get|set chapter_code|operator|language [VALUE]
                                              read or change a setting
  acedesk certs --batch YYYY-Qn | --member PHONE --kind honor|appointment|thanks [--year Y] [--event ID]
                --out FILE.pdf | --split DIR      print certificates (the same serial when printed again)
  acedesk trophies --batch YYYY-Qn --out FILE.pdf|FILE.xlsx
                                              the trophy list of a published batch
  acedesk showcase --out FILE.json|FILE.html [--year Y]
                                              the public list of level holders for the website
  acedesk badge --serial SERIAL --out FILE.json | --batch YYYY-Qn --out DIR
                                              certificates as signed Open Badges 3.0 credentials
  acedesk placecards --event ID --out FILE.pdf
                                              tent cards for the level holders registered for an
                                              event, in front-row seating order
  acedesk verify PAYLOAD|FILE.pdf|IMAGE.png [--json]
                                              check a certificate code: the QR text, a certificate
                                              PDF or a photo/scan (PNG, JPEG); exit 0 only if valid
  acedesk key [--pem]                         the chapter's signing key: ID and fingerprint, or
                                              the public key as PEM for whoever checks certificates
  acedesk export --format xlsx|csv|sql --out FILE [--year Y]
                                              the chapter's data for headquarters: a workbook, a zip
                                              of CSV files (UTF-8 with BOM) or a psql script that
                                              loads into PostgreSQL (psql -v ON_ERROR_STOP=1 -f FILE)
  acedesk pg-push --dsn postgres://USER@HOST/DB [--year Y]
                                              load the same data straight into PostgreSQL
  acedesk export --format bundle [--changes] --out FILE.acebundle
                                              the chapter's data for headquarters, signed with
                                              the chapter key; --changes: only what changed
                                              since the last export
  acedesk merge BUNDLE... [--accept-key CHAPTER] [--conflicts FILE.xlsx] [--json]
                                              headquarters: verify chapter bundles and merge
                                              each whole; conflicts are listed, never resolved
  acedesk backup FILE                         copy the database (also while ACE Desk runs)
  acedesk restore FILE                        replace the database with a backup
  acedesk version                             print the version

Every command takes --db PATH, before or after its name (default: $ACEDESK_DB,
else %s).
Exit codes: 0 ok, 1 error (for verify: a code that is not valid), 2 usage,
3 database in use by another ACE Desk.
`

// Run executes one command line and returns the process exit code.
func Run(args []string, env Env) int {
	env.Stdout, env.Stderr = escaping(env.Stdout), escaping(env.Stderr)
	c := &runner{env: env}
	if len(args) > 0 && (args[0] == "help" || args[0] == "-h" || args[0] == "--help") {
		c.usage(env.Stdout)
		return ExitOK
	}
	// --db may come before the command as well as after it.
	root := c.flags("acedesk")
	if err := root.Parse(args); err != nil {
		return c.usageError(err.Error())
	}
	if root.NArg() == 0 {
		return c.desktop()
	}
	cmd, rest := root.Arg(0), root.Args()[1:]
	switch cmd {
	case "serve":
		return c.serve(rest)
	case "setup":
		return c.setup(rest)
	case "demo":
		return c.demo(rest)
	case "members":
		if len(rest) == 0 || rest[0] != "list" {
			return c.usageError("members: expected 'list'")
		}
		return c.membersList(rest[1:])
	case "import":
		if len(rest) == 0 || importers[rest[0]] == nil {
			return c.usageError("import: expected 'members', 'groups' or 'contributions'")
		}
		return c.importFile(rest[0], rest[1:], importers[rest[0]])
	case "standings":
		return c.standings(rest)
	case "batch":
		if len(rest) == 0 || (rest[0] != "preview" && rest[0] != "publish") {
			return c.usageError("batch: expected 'preview' or 'publish'")
		}
		return c.batch(rest[0] == "publish", rest[1:])
	case "renew":
		return c.renew(rest)
	case "holders":
		return c.holders(rest)
	case "decide":
		if len(rest) == 0 || decisionKinds[rest[0]] == "" {
			return c.usageError("decide: expected 'promote', 'invite', 'grant' or 'correct'")
		}
		return c.decide(rest[0], rest[1:])
	case "settings":
		if len(rest) == 0 || (rest[0] != "get" && rest[0] != "set") {
			return c.usageError("settings: expected 'get' or 'set'")
		}
		return c.settings(rest[0], rest[1:])
	case "trophies":
		return c.trophies(rest)
	case "certs":
		return c.certs(rest)
	case "showcase":
		return c.showcase(rest)
	case "badge":
		return c.badge(rest)
	case "placecards":
		return c.placecards(rest)
	case "verify":
		return c.verify(rest)
	case "key":
		return c.key(rest)
	case "export":
		return c.export(rest)
	case "pg-push":
		return c.pgPush(rest)
	case "merge":
		return c.merge(rest)
	case "backup":
		return c.backup(rest)
	case "restore":
		return c.restore(rest)
	case "version":
		// --db after the command names the database whose log is meant
		if _, ok := c.parse(c.flags("version"), rest, 0); !ok {
			return ExitUsage
		}
		fmt.Fprint(env.Stdout, app.VersionText())
		fmt.Fprintln(env.Stdout, "log:", env.LogPath(c.resolveDB()))
		return ExitOK
	default:
		return c.usageError("unknown command: " + cmd)
	}
}

type runner struct {
	env    Env
	dbPath string
}

func (c *runner) usage(w io.Writer) { fmt.Fprintf(w, usage, DefaultDBPath()) }

func (c *runner) usageError(msg string) int {
	fmt.Fprintln(c.env.Stderr, "acedesk:", msg)
	c.usage(c.env.Stderr)
	return ExitUsage
}

// flags makes a flag set that has --db and reports errors as usage errors.
func (c *runner) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.dbPath, "db", c.dbPath, "database file")
	return fs
}

// parse parses args, flags and positional arguments in any order, and
// wants exactly nargs positional arguments (at least one when nargs is
// AtLeastOne), which it returns.
func (c *runner) parse(fs *flag.FlagSet, args []string, nargs int) ([]string, bool) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			c.usageError(fs.Name() + ": " + err.Error())
			return nil, false
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
	// What a command writes must not be the database it works on.
	var clash string
	fs.Visit(func(f *flag.Flag) {
		if (f.Name == "out" || f.Name == "conflicts") && app.SameFile(f.Value.String(), c.resolveDB()) {
			clash = f.Value.String()
		}
	})
	if clash != "" {
		fmt.Fprintln(c.env.Stderr, "acedesk:", app.ErrIsDatabase(clash).Message)
		return nil, false
	}
	if nargs == AtLeastOne {
		if len(positional) == 0 {
			c.usageError(fs.Name() + ": expected at least one argument")
			return nil, false
		}
		return positional, true
	}
	if len(positional) != nargs {
		c.usageError(fmt.Sprintf("%s: expected %d argument(s), got %d", fs.Name(), nargs, len(positional)))
		return nil, false
	}
	return positional, true
}

// AtLeastOne tells parse to take one or more positional arguments.
const AtLeastOne = -1

// DefaultDBPath is the database in the OS user config folder.
func DefaultDBPath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = "."
	}
	return filepath.Join(dir, "acedesk", "acedesk.db")
}

func (c *runner) resolveDB() string {
	switch {
	case c.dbPath != "":
		return c.dbPath
	case c.env.Getenv("ACEDESK_DB") != "":
		return c.env.Getenv("ACEDESK_DB")
	default:
		return DefaultDBPath()
	}
}

// open opens the database with its services; the log echoes to stderr,
// where a command reports.
func (c *runner) open() (*Session, error) { return c.env.Open(c.resolveDB(), c.env.Stderr) }

// withSession opens the database, runs fn on it and closes it.
func (c *runner) withSession(fn func(s *Session) int) int {
	s, err := c.open()
	if err != nil {
		return c.fail(err)
	}
	defer s.Close()
	return fn(s)
}

// printJSON writes v as indented JSON and returns the exit code.
func (c *runner) printJSON(v any) int {
	enc := json.NewEncoder(c.env.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return c.fail(err)
	}
	return ExitOK
}

// fail prints err as one line and returns its exit code.
func (c *runner) fail(err error) int {
	if errors.Is(err, app.ErrDatabaseLocked) {
		fmt.Fprintf(c.env.Stderr, "acedesk: %s is open in another ACE Desk; close it first\n", c.resolveDB())
		return ExitLocked
	}
	fmt.Fprintln(c.env.Stderr, "acedesk:", err)
	return ExitError
}
