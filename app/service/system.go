package service

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"time"

	"acedesk/app"
	"acedesk/app/demo"
)

// SystemInfo describes the running application and its database.
type SystemInfo struct {
	Version       string `json:"version"`
	DBPath        string `json:"db_path"`
	SchemaVersion int    `json:"schema_version"`
	Members       int    `json:"members"`
	// LogPath is the log of internal errors, for a chapter lead to send
	// along when reporting a problem.
	LogPath string `json:"log_path"`
}

// systemStore is what SystemService needs of the store.
type systemStore interface {
	CountMembers() (int, error)
	// CreateMembersAndContributions inserts members, then the contributions
	// contribs makes for their new IDs, in one transaction (demo data).
	CreateMembersAndContributions(ms []app.Member, contribs func(ids []uint64) []app.Contribution, c app.Change) error
	GetContribution(id uint64) (app.Contribution, error)
	Path() string
	SchemaVersion() (int, error)
}

// DefaultDemoMembers is how many members a demo has unless told.
const DefaultDemoMembers = demo.DefaultMembers

// SystemService answers questions about the installation itself.
type SystemService struct {
	repo     systemStore
	clock    app.Clock
	settings *SettingsService
	// The demo goes through the services, as a chapter lead would.
	groups        *GroupService
	events        *EventService
	decisions     *DecisionService
	levels        *LevelService
	contributions *ContributionService
	files         savedFiles
	logPath       string
}

func (s *SystemService) Info() (SystemInfo, error) {
	n, err := s.repo.CountMembers()
	if err != nil {
		return SystemInfo{}, err
	}
	v, err := s.repo.SchemaVersion()
	if err != nil {
		return SystemInfo{}, err
	}
	return SystemInfo{Version: app.Version, DBPath: s.repo.Path(), SchemaVersion: v, Members: n, LogPath: s.logPath}, nil
}

// Today is the date on the hub's clock, as the program keeps dates: what a
// new event is dated, on whichever device it is entered, so that the desks
// find it as today's.
func (s *SystemService) Today() string { return s.clock.Now().Format(app.DateLayout) }

// LoadDemo fills an empty database with realistic demo data and returns the
// number of members created. A database with any member is refused.
func (s *SystemService) LoadDemo(members int) (int, error) {
	n, err := s.repo.CountMembers()
	if err != nil {
		return 0, err
	}
	if n > 0 {
		return 0, app.Errorf(app.CodeConflict, "db_not_empty", "the database already has %d members: demo data goes only into an empty database", n).
			WithParams("count", strconv.Itoa(n))
	}
	if members <= 0 {
		members = demo.DefaultMembers
	}
	if members > demo.MaxMembers {
		return 0, app.Errorf(app.CodeInvalid, "demo_too_many", "at most %d demo members", demo.MaxMembers).WithParams("max", strconv.Itoa(demo.MaxMembers))
	}
	c, err := s.settings.change()
	if err != nil {
		return 0, err
	}
	people := demo.Members(members, 2026)
	var ids []uint64
	// Last year's contributions too, so that this year has holders to renew.
	contribs := func(created []uint64) []app.Contribution {
		ids = created
		lastYear := time.Date(c.At.Year()-1, time.December, 31, 12, 0, 0, 0, time.UTC)
		return append(demo.Contributions(ids, lastYear, 2025), demo.Contributions(ids, c.At, 2026)...)
	}
	if err := s.repo.CreateMembersAndContributions(people, contribs, c); err != nil {
		return 0, err
	}
	if err := s.loadDemoProgram(people, ids, c.At); err != nil {
		return 0, err
	}
	return members, nil
}

// Desktop is what the desktop window adds to the services: a native save
// dialog and the system's viewer. In serve mode and on the command line
// there is none, and files reach the user as browser downloads instead.
type Desktop interface {
	// SaveDialog asks where to save a file offered as name; "" when the
	// user cancels.
	SaveDialog(name string) (string, error)
	// Open shows a file in the system's default application for it.
	Open(path string) error
}

// savedFiles remembers the files this process wrote through the save
// dialog: the only files the UI may ask to open, so that a page (or, in
// serve mode, a LAN client) can never make the machine open a path or URL of
// its choosing.
type savedFiles struct {
	mu      sync.Mutex
	desktop Desktop
	paths   map[string]bool
}

// UseDesktop gives the services the desktop window's dialogs and viewer.
// It is a method of Services, not of a bound service, so the UI cannot call it.
func (s *Services) UseDesktop(d Desktop) {
	f := &s.System.files
	f.mu.Lock()
	defer f.mu.Unlock()
	f.desktop = d
}

func (f *savedFiles) get() Desktop {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.desktop
}

// SaveFile asks the user where to save data, offered under name, writes it
// there (readable by the user only) and returns the path: "" when the user
// cancelled, which is not an error. Desktop window only.
func (s *SystemService) SaveFile(name string, data []byte) (string, error) {
	d := s.files.get()
	if d == nil {
		return "", app.Errorf(app.CodeInvalid, "desktop_only", "saving through a dialog needs the desktop window")
	}
	path, err := d.SaveDialog(filepath.Base(name))
	if err != nil || path == "" {
		return "", err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	if app.SameFile(abs, s.repo.Path()) {
		return "", app.ErrIsDatabase(abs)
	}
	if err := os.WriteFile(abs, data, 0o600); err != nil {
		return "", app.Errorf(app.CodeInvalid, "file_write", "cannot write %s: %v", abs, err).WithParams("path", abs)
	}
	s.files.mu.Lock()
	defer s.files.mu.Unlock()
	if s.files.paths == nil {
		s.files.paths = map[string]bool{}
	}
	s.files.paths[abs] = true
	return abs, nil
}

// OpenFile shows a file SaveFile wrote in this session in the system's
// viewer. Any other path is refused.
func (s *SystemService) OpenFile(path string) error {
	d := s.files.get()
	clean := filepath.Clean(path)
	s.files.mu.Lock()
	ok := path != "" && s.files.paths[clean]
	s.files.mu.Unlock()
	if d == nil || !ok {
		return app.Errorf(app.CodeInvalid, "file_not_saved", "%q was not saved by ACE Desk in this session", path).WithParams("path", path)
	}
	if err := d.Open(clean); err != nil {
		return app.Errorf(app.CodeInternal, "file_open", "cannot open %s: %v", path, err).WithParams("path", path)
	}
	return nil
}

// OpenInViewer starts the system's default application for path and does
// not wait for it. The path is one argument, never seen by a shell.
func OpenInViewer(path string) error {
	name, args := viewerCommand(runtime.GOOS, path)
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil {
		return err
	}
	// Reap the launcher when it exits; the viewer it starts lives on.
	go func() { _ = cmd.Wait() }()
	return nil
}

// viewerCommand is the command that opens path on goos.
func viewerCommand(goos, path string) (string, []string) {
	switch goos {
	case "windows":
		return "rundll32", []string{"url.dll,FileProtocolHandler", path}
	case "darwin":
		return "open", []string{path}
	default:
		return "xdg-open", []string{path}
	}
}

// loadDemoProgram gives the demo members a year of program life up to
// today: last year's batches published and its renewal confirmed (so
// this year has holders), groups with leads, events with talks (the older ones approved),
// and a promotion, an invitation and a special grant.
func (s *SystemService) loadDemoProgram(members []app.Member, ids []uint64, today time.Time) error {
	year := today.Year()
	for q := 1; q <= 4; q++ {
		b, err := s.levels.Batch(app.BatchID{Year: year - 1, Quarter: q}.String())
		if err != nil {
			return err
		}
		if b.Blocked.Code == "" {
			if _, err := s.levels.PublishBatch(b.ID); err != nil {
				return err
			}
		}
	}
	if renewal, err := s.levels.Renewal(year - 1); err != nil {
		return err
	} else if renewal.Blocked.Code == "" {
		if _, err := s.levels.ConfirmRenewal(year - 1); err != nil {
			return err
		}
	}
	r := rand.New(rand.NewPCG(uint64(year), 0x6E0))
	pick := func(keep func(m app.Member) bool) uint64 {
		for range 200 {
			if i := r.IntN(len(members)); keep(members[i]) {
				return ids[i]
			}
		}
		return ids[r.IntN(len(ids))]
	}
	anyone := func(app.Member) bool { return true }
	groupIDs := map[string]uint64{}
	var cityLead uint64
	for _, spec := range demo.Groups {
		g := app.Group{Committee: spec.Committee, Name: spec.Name, City: spec.City}
		lead := pick(func(m app.Member) bool { return spec.City == "" || m.City == spec.City })
		if spec.Committee != app.CommitteeSpecial {
			g.Terms = []app.GroupTerm{{Year: year, LeadID: lead}}
		}
		created, err := s.groups.Create(g)
		if err != nil {
			return err
		}
		groupIDs[spec.Name] = created.ID
		if spec.Name == "杭州用户组" {
			cityLead = lead
		}
	}
	for _, spec := range demo.Events {
		date := fmt.Sprintf("%d-%s", year, spec.MonthDay)
		if date > today.Format(app.DateLayout) {
			continue
		}
		e := app.Event{Name: spec.Name, Kind: spec.Kind, Date: date, City: spec.City, GroupID: groupIDs[spec.Group], Attendance: spec.Attendance}
		if spec.Kind == app.EventUniversity {
			e.OrganizerID = pick(func(m app.Member) bool { return m.OrgCategory == "university" })
		}
		for range spec.Talks {
			e.Talks = append(e.Talks, app.Talk{MemberID: pick(anyone), Title: demo.TalkTitles[r.IntN(len(demo.TalkTitles))]})
		}
		saved, err := s.events.Save(e)
		if err != nil {
			return err
		}
		// Talks of the last two weeks wait for approval, as they would.
		if date <= today.AddDate(0, 0, -14).Format(app.DateLayout) {
			if err := s.approveEvent(saved); err != nil {
				return err
			}
		}
	}
	decisions := []app.Decision{
		{Kind: app.DecisionPromotion, MemberID: cityLead, Year: year, GroupID: groupIDs["杭州用户组"], Reason: "连续两年组织天天象上，参会人数全国第一"},
		{Kind: app.DecisionInvitation, MemberID: pick(func(m app.Member) bool { return m.OrgCategory == "vendor" }), Year: year, Reason: "长期指导分会技术方向，受邀担任总监"},
		{Kind: app.DecisionSpecialGrant, MemberID: pick(func(m app.Member) bool { return m.OrgCategory == "university" }), Year: year, Level: "ace", Reason: "高校 PostgreSQL 课程主讲，合著教材出版"},
	}
	for _, d := range decisions {
		if _, err := s.decisions.Create(d); err != nil {
			return err
		}
	}
	return nil
}

// approveEvent approves the contributions an event's talks and organizer earned.
func (s *SystemService) approveEvent(e app.Event) error {
	ids := []uint64{e.OrganizerContributionID}
	for _, t := range e.Talks {
		ids = append(ids, t.ContributionID)
	}
	for _, id := range ids {
		if id == 0 {
			continue
		}
		c, err := s.repo.GetContribution(id)
		if err != nil {
			return err
		}
		if _, err := s.contributions.Approve(c.ID, c.Version); err != nil {
			return err
		}
	}
	return nil
}
