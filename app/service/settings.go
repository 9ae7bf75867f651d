package service

import "acedesk/app"

// settingsStore is what SettingsService needs of the store.
type settingsStore interface {
	GetSettings() (app.Settings, bool, error)
	SaveSettings(s app.Settings, c app.Change) (app.Settings, error)
}

// SettingsService reads and saves the chapter's preferences.
type SettingsService struct {
	repo            settingsStore
	clock           app.Clock
	defaultOperator string
}

// Get returns the saved settings, or the defaults when none were saved.
func (s *SettingsService) Get() (app.Settings, error) {
	got, ok, err := s.repo.GetSettings()
	if err != nil {
		return app.Settings{}, err
	}
	if !ok {
		return app.DefaultSettings(s.defaultOperator), nil
	}
	return got, nil
}

// Save validates and stores the settings; Version guards against a lost update.
func (s *SettingsService) Save(in app.Settings) (app.Settings, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return app.Settings{}, err
	}
	// The audit names the operator being saved: whoever sits at the laptop now.
	return s.repo.SaveSettings(in, app.Change{Actor: in.Operator, At: s.clock.Now()})
}

// change is the audit identity of a change made now.
func (s *SettingsService) change() (app.Change, error) {
	cur, err := s.Get()
	if err != nil {
		return app.Change{}, err
	}
	return app.Change{Actor: cur.Operator, At: s.clock.Now()}, nil
}
