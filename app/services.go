package app

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
}

// NewServices wires the services over one repository. defaultOperator names
// the operator until one is set in Settings (usually the OS user name).
func NewServices(repo Repository, clock Clock, defaultOperator string) *Services {
	settings := &SettingsService{repo: repo, clock: clock, defaultOperator: defaultOperator}
	members := &MemberService{repo: repo, clock: clock, settings: settings}
	rulesSvc := &RulesService{repo: repo, settings: settings}
	standings := &StandingsService{repo: repo, rules: rulesSvc}
	renderer := lazyRenderer()
	svc := &Services{
		Members:            members,
		Settings:           settings,
		System:             &SystemService{repo: repo, clock: clock, settings: settings},
		Rules:              rulesSvc,
		Contributions:      &ContributionService{repo: repo, settings: settings, rules: rulesSvc},
		Standings:          standings,
		MemberImport:       NewMemberImportService(repo, settings),
		Groups:             &GroupService{repo: repo, settings: settings},
		GroupImport:        &GroupImportService{repo: repo, settings: settings},
		Decisions:          &DecisionService{repo: repo, settings: settings},
		Levels:             &LevelService{repo: repo, clock: clock, settings: settings, standings: standings},
		ContributionImport: NewContributionImportService(repo, settings, rulesSvc),
		Dashboard:          &DashboardService{repo: repo, clock: clock, standings: standings},
	}
	svc.Certificates = &CertificateService{repo: repo, settings: settings, levels: svc.Levels, jobs: NewJobs(clock), renderer: renderer}
	svc.Events = &EventService{repo: repo, settings: settings, rules: rulesSvc, levels: svc.Levels, renderer: renderer,
		clock: clock, certificates: svc.Certificates}
	svc.Trust = &TrustService{repo: repo, change: settings.change, revocations: svc.Certificates, chapterKeys: func() ([]ChapterKeys, error) { return repo.TrustedChapterKeys() }}
	svc.Certificates.trust = svc.Trust
	svc.Trophies = &TrophyService{repo: repo, settings: settings, levels: svc.Levels, renderer: renderer}
	svc.Benefits = &BenefitService{repo: repo}
	svc.Exporter = &Exporter{repo: repo, clock: clock, standings: standings, trust: svc.Trust}
	svc.Export = &ExportService{exporter: svc.Exporter, jobs: NewJobs(clock)}
	svc.Bundles = &BundleService{repo: repo, settings: settings, trust: svc.Trust, clock: clock, jobs: NewJobs(clock), exports: map[string]*BundleManifest{}}
	sys := svc.System
	sys.groups, sys.events, sys.decisions, sys.levels, sys.contributions = svc.Groups, svc.Events, svc.Decisions, svc.Levels, svc.Contributions
	return svc
}

// Bindings lists the structs the UI may call, in a stable order.
func (s *Services) Bindings() []any {
	return []any{s.Members, s.Settings, s.System, s.Rules, s.Contributions, s.Standings, s.MemberImport,
		s.ContributionImport, s.Groups, s.GroupImport, s.Decisions, s.Events, s.Levels, s.Dashboard, s.Trophies, s.Benefits, s.Trust, s.Certificates, s.Export, s.Bundles}
}
