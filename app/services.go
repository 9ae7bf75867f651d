package app

// Services are the structs bound to the UI (Wails on the desktop, JSON over
// HTTP in serve mode) and used by the command line.
type Services struct {
	Members       *MemberService
	Settings      *SettingsService
	System        *SystemService
	Rules         *RulesService
	Contributions *ContributionService
	Standings     *StandingsService
	MemberImport  *MemberImportService
	Dashboard     *DashboardService
}

// NewServices wires the services over one repository. defaultOperator names
// the operator until one is set in Settings (usually the OS user name).
func NewServices(repo Repository, clock Clock, defaultOperator string) *Services {
	settings := &SettingsService{repo: repo, clock: clock, defaultOperator: defaultOperator}
	members := &MemberService{repo: repo, clock: clock, settings: settings}
	rulesSvc := &RulesService{repo: repo, settings: settings}
	standings := &StandingsService{repo: repo, rules: rulesSvc}
	return &Services{
		Members:       members,
		Settings:      settings,
		System:        &SystemService{repo: repo, clock: clock, settings: settings},
		Rules:         rulesSvc,
		Contributions: &ContributionService{repo: repo, settings: settings, rules: rulesSvc},
		Standings:     standings,
		MemberImport:  NewMemberImportService(repo, settings),
		Dashboard:     &DashboardService{repo: repo, standings: standings},
	}
}

// Bindings lists the structs the UI may call, in a stable order.
func (s *Services) Bindings() []any {
	return []any{s.Members, s.Settings, s.System, s.Rules, s.Contributions, s.Standings, s.MemberImport, s.Dashboard}
}
