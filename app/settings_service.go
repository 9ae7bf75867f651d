package app

// SettingsService reads and saves the chapter's preferences.
type SettingsService struct {
	repo            Repository
	clock           Clock
	defaultOperator string
}

// Get returns the saved settings, or the defaults when none were saved.
func (s *SettingsService) Get() (Settings, error) {
	got, ok, err := s.repo.GetSettings()
	if err != nil {
		return Settings{}, err
	}
	if !ok {
		return DefaultSettings(s.defaultOperator), nil
	}
	return got, nil
}

// Save validates and stores the settings; Version guards against a lost update.
func (s *SettingsService) Save(in Settings) (Settings, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return Settings{}, err
	}
	// The audit names the operator being saved: whoever sits at the laptop now.
	return s.repo.SaveSettings(in, Change{Actor: in.Operator, At: s.clock.Now()})
}

// change is the audit identity of a change made now.
func (s *SettingsService) change() (Change, error) {
	cur, err := s.Get()
	if err != nil {
		return Change{}, err
	}
	return Change{Actor: cur.Operator, At: s.clock.Now()}, nil
}
