package app

import (
	"strconv"

	"acedesk/app/rules"
)

// RulesService reads and edits each year's rules table.
type RulesService struct {
	repo     Repository
	settings *SettingsService
}

// Get returns year's rules: the saved table, else a copy of the latest
// earlier year's, else the 2024 table the program started with.
func (s *RulesService) Get(year int) (rules.YearRules, error) {
	if r, ok, err := s.repo.GetYearRules(year); err != nil || ok {
		return r, err
	}
	if r, ok, err := s.repo.LatestYearRulesBefore(year); err != nil || ok {
		return r.CopyTo(year), err
	}
	return rules.DefaultRules(year), nil
}

// Save validates and stores a year's table. Standings of other years keep
// their own tables.
func (s *RulesService) Save(r rules.YearRules) (rules.YearRules, error) {
	if err := r.Validate(); err != nil {
		return rules.YearRules{}, Errorf(CodeInvalid, "rules_invalid", "%v", err).WithParams("detail", err.Error())
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
		return rules.YearRules{}, Errorf(CodeConflict, "rules_exist", "the rules of %d are already saved", year+1).
			WithParams("year", strconv.Itoa(year+1))
	}
	r, err := s.Get(year)
	if err != nil {
		return rules.YearRules{}, err
	}
	return s.Save(r.CopyTo(year + 1))
}
