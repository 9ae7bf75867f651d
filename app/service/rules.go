package service

import (
	"errors"
	"strconv"
	"strings"

	"acedesk/app"
	"acedesk/app/rules"
)

// rulesStore is what RulesService needs of the store.
type rulesStore interface {
	GetYearRules(year int) (rules.YearRules, bool, error)
	LatestYearRulesBefore(year int) (rules.YearRules, bool, error)
	SaveYearRules(r rules.YearRules, ch app.Change) error
}

// RulesService reads and edits each year's rules table.
type RulesService struct {
	repo     rulesStore
	settings *SettingsService
}

// Get returns year's rules: the saved table, else a copy of the latest
// earlier year's, else the 2024 table the program started with.
func (s *RulesService) Get(year int) (rules.YearRules, error) {
	r, _, err := s.lookup(year)
	return r, err
}

// Origin says where Get(year) takes its table from, so the editor can tell
// a saved table from an inherited one: year itself when saved, the earlier
// year it is copied from, or 0 for the built-in 2024 table.
func (s *RulesService) Origin(year int) (int, error) {
	_, from, err := s.lookup(year)
	return from, err
}

func (s *RulesService) lookup(year int) (rules.YearRules, int, error) {
	if r, ok, err := s.repo.GetYearRules(year); err != nil || ok {
		return r, year, err
	}
	if r, ok, err := s.repo.LatestYearRulesBefore(year); err != nil || ok {
		return r.CopyTo(year), r.Year, err
	}
	return rules.DefaultRules(year), 0, nil
}

// Save validates and stores a year's table. Standings of other years keep
// their own tables. A refusal names the field, e.g. "kinds.2.points".
func (s *RulesService) Save(r rules.YearRules) (rules.YearRules, error) {
	r = r.CopyTo(r.Year)
	for i := range r.Kinds {
		k := &r.Kinds[i]
		k.Key, k.LabelZH, k.LabelEN = strings.TrimSpace(k.Key), strings.TrimSpace(k.LabelZH), strings.TrimSpace(k.LabelEN)
	}
	if err := r.Validate(); err != nil {
		var inv *rules.InvalidError
		if errors.As(err, &inv) {
			return rules.YearRules{}, &app.Error{Code: app.CodeInvalid, Reason: "fields", Message: err.Error(), Fields: map[string]string{inv.Field: inv.Reason}}
		}
		return rules.YearRules{}, err
	}
	c, err := s.settings.change()
	if err != nil {
		return rules.YearRules{}, err
	}
	return r, s.repo.SaveYearRules(r, c)
}

// CopyToNextYear saves year's table as year+1's, refusing to overwrite a
// table already saved for year+1.
func (s *RulesService) CopyToNextYear(year int) (rules.YearRules, error) {
	if _, ok, err := s.repo.GetYearRules(year + 1); err != nil {
		return rules.YearRules{}, err
	} else if ok {
		return rules.YearRules{}, app.Errorf(app.CodeConflict, "rules_exist", "the rules of %d are already saved", year+1).
			WithParams("year", strconv.Itoa(year+1))
	}
	r, err := s.Get(year)
	if err != nil {
		return rules.YearRules{}, err
	}
	return s.Save(r.CopyTo(year + 1))
}
