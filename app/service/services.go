package service

import (
	"log/slog"

	"acedesk/app"
)

// Services are the structs bound to the UI (Wails on the desktop, JSON over
// HTTP in serve mode) and used by the command line.
type Services struct {
	Members            *MemberService
	Settings           *SettingsService
	System             *SystemService
	Rules              *RulesService
	Contributions      *ContributionService
	Standings          *StandingsService
	MemberImport       *MemberImportService
	ContributionImport *ContributionImportService
	Groups             *GroupService
	GroupImport        *GroupImportService
	Decisions          *DecisionService
	Events             *EventService
	Attendees          *AttendeeService
	Levels             *LevelService
	Dashboard          *DashboardService
	Trophies           *TrophyService
	Benefits           *BenefitService
	Trust              *TrustService
	Certificates       *CertificateService
	Export             *ExportService
	// Exporter is the command line's way to the exports (not bound).
	Exporter *Exporter
	Bundles  *BundleService
	Jobs     *JobService
}

// Ports are the adapters the services work through; main.go plugs in the
// real ones (app/pdf, app/exchange, …).
type Ports struct {
	Printer  app.Printer
	Showcase app.ShowcaseRenderer
	Badges   app.BadgeIssuer
	Codes    app.Codes
	Bundles  app.BundleCodec
	Sheets   app.Spreadsheets
	Pusher   app.Pusher
	Latin    app.Romanizer
	// Log is where internal errors go (app/logfile); LogPath names its file.
	Log     *slog.Logger
	LogPath string
}

// New makes the services over one repository and the ports.
// defaultOperator names the operator until one is set in Settings
// (usually the OS user name).
func New(repo app.Repository, clock app.Clock, defaultOperator string, ports Ports) *Services {
	printer := ports.Printer
	jobs := NewJobs(clock, ports.Log)
	settings := &SettingsService{repo: repo, clock: clock, defaultOperator: defaultOperator}
	names := names{printer: printer, latin: ports.Latin}
	members := &MemberService{repo: repo, clock: clock, settings: settings, names: names}
	rulesSvc := &RulesService{repo: repo, settings: settings}
	standings := &StandingsService{repo: repo, rules: rulesSvc}
	svc := &Services{
		Members:            members,
		Settings:           settings,
		System:             &SystemService{logPath: ports.LogPath, repo: repo, clock: clock, settings: settings},
		Rules:              rulesSvc,
		Contributions:      &ContributionService{repo: repo, settings: settings, rules: rulesSvc},
		Standings:          standings,
		MemberImport:       NewMemberImportService(repo, settings, ports),
		Groups:             &GroupService{repo: repo, settings: settings},
		GroupImport:        &GroupImportService{sheets: ports.Sheets, repo: repo, settings: settings},
		Decisions:          &DecisionService{repo: repo, settings: settings},
		Levels:             &LevelService{showcase: ports.Showcase, repo: repo, clock: clock, settings: settings, standings: standings},
		ContributionImport: NewContributionImportService(repo, settings, rulesSvc, ports.Sheets),
		Dashboard:          &DashboardService{repo: repo, clock: clock, standings: standings},
	}
	svc.Certificates = &CertificateService{badges: ports.Badges, repo: repo, settings: settings, levels: svc.Levels, jobs: jobs, printer: printer}
	svc.Events = &EventService{repo: repo, settings: settings, rules: rulesSvc, clock: clock}
	svc.Attendees = &AttendeeService{repo: repo, settings: settings, levels: svc.Levels, printer: printer, names: names, codes: ports.Codes,
		certificates: svc.Certificates}
	svc.Trust = &TrustService{codes: ports.Codes, repo: repo, change: settings.change, revocations: svc.Certificates, chapterKeys: func() ([]app.ChapterKeys, error) { return repo.TrustedChapterKeys() }}
	svc.Certificates.trust = svc.Trust
	svc.Trophies = &TrophyService{sheets: ports.Sheets, repo: repo, settings: settings, levels: svc.Levels, printer: printer}
	svc.Benefits = &BenefitService{sheets: ports.Sheets, repo: repo}
	svc.Exporter = &Exporter{sheets: ports.Sheets, repo: repo, clock: clock, standings: standings, trust: svc.Trust}
	svc.Export = &ExportService{pusher: ports.Pusher, exporter: svc.Exporter, jobs: jobs}
	svc.Bundles = &BundleService{sheets: ports.Sheets, codec: ports.Bundles, repo: repo, settings: settings, trust: svc.Trust, clock: clock, jobs: jobs, printer: printer, exports: map[string]*app.BundleManifest{}}
	svc.Jobs = &JobService{jobs: jobs}
	sys := svc.System
	sys.groups, sys.events, sys.decisions, sys.levels, sys.contributions = svc.Groups, svc.Events, svc.Decisions, svc.Levels, svc.Contributions
	return svc
}

// Bindings lists the structs the UI may call, in a stable order.
func (s *Services) Bindings() []any {
	return []any{s.Members, s.Settings, s.System, s.Rules, s.Contributions, s.Standings, s.MemberImport,
		s.ContributionImport, s.Groups, s.GroupImport, s.Decisions, s.Events, s.Attendees, s.Levels, s.Dashboard, s.Trophies, s.Benefits, s.Trust, s.Certificates, s.Export, s.Bundles, s.Jobs}
}
