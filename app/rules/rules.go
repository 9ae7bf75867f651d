package rules

import (
	"fmt"
	"slices"
	"strings"
)

// Years outside this range are typing mistakes, not program years.
const (
	minYear = 2000
	maxYear = 2999
)

// KindRule says what one kind of contribution earns in a year. Points are
// earned per full Unit of the year's summed quantity: forum beans count
// 100 per 2,000 over the whole year, not per contribution.
type KindRule struct {
	Key     string `json:"key"`
	LabelZH string `json:"label_zh"`
	LabelEN string `json:"label_en"`
	Points  int    `json:"points"`
	Unit    int    `json:"unit"`
}

// PointsFor is what a summed quantity of this kind earns.
func (k KindRule) PointsFor(quantity int) int {
	// A table that skipped Validate must not crash the standings.
	return quantity / max(k.Unit, 1) * k.Points
}

// PointsOf is what one contribution alone earns as kind k: its override,
// else its quantity in whole units times the kind's points.
func (k KindRule) PointsOf(quantity int, override *int) int {
	if override != nil {
		return OverridePoints(*override)
	}
	return k.PointsFor(quantity)
}

// OverridePoints is what a points override gives: never less than none,
// since a contribution cannot take away points others earned.
func OverridePoints(override int) int { return max(override, 0) }

// YearRules is one year's points table. Thresholds are inclusive: exactly
// PartnerThreshold points make a Partner.
type YearRules struct {
	Year             int        `json:"year"`
	Kinds            []KindRule `json:"kinds"` // in display order
	ACEThreshold     int        `json:"ace_threshold"`
	PartnerThreshold int        `json:"partner_threshold"`
}

// DefaultRules is the July 2024 table, the one the program started with.
func DefaultRules(year int) YearRules {
	return YearRules{
		Year: year,
		Kinds: []KindRule{
			{Key: "university_event", LabelZH: "高校活动", LabelEN: "University event", Points: 200, Unit: 1},
			{Key: "talk_conference", LabelZH: "生态大会演讲", LabelEN: "Talk at the annual ecosystem conference", Points: 400, Unit: 1},
			{Key: "talk_regional", LabelZH: "技术峰会全国行演讲", LabelEN: "Talk at a regional summit", Points: 200, Unit: 1},
			{Key: "talk_live", LabelZH: "PG.Live 直播", LabelEN: "PG.Live online talk", Points: 50, Unit: 1},
			{Key: "forum_beans", LabelZH: "PGFans PG 豆", LabelEN: "PGFans forum beans", Points: 100, Unit: 2000},
			{Key: "article", LabelZH: "公众号首发文章", LabelEN: "Article first published on the WeChat account", Points: 20, Unit: 1},
		},
		ACEThreshold:     500,
		PartnerThreshold: 200,
	}
}

// InvalidError says which field of a table is wrong, so an editor can mark
// it: Field is "year", "partner_threshold", "ace_threshold" or
// "kinds.<index>.<key|label_zh|points|unit>" (index from 0), and Reason a
// short code the UI translates.
type InvalidError struct {
	Field  string
	Reason string
	msg    string
}

func (e *InvalidError) Error() string { return e.msg }

func invalid(field, reason, format string, args ...any) error {
	return &InvalidError{Field: field, Reason: reason, msg: fmt.Sprintf(format, args...)}
}

// Validate reports the first thing wrong with the table, as an *InvalidError.
func (r YearRules) Validate() error {
	if r.Year < minYear || r.Year > maxYear {
		return invalid("year", "invalid_year", "year %d is not between %d and %d", r.Year, minYear, maxYear)
	}
	seen := make(map[string]bool, len(r.Kinds))
	for i, k := range r.Kinds {
		field := func(name string) string { return fmt.Sprintf("kinds.%d.%s", i, name) }
		switch {
		case !validKey(k.Key):
			return invalid(field("key"), "invalid_key", "kind %d: key %q must be lowercase letters a-z and _", i+1, k.Key)
		case seen[k.Key]:
			return invalid(field("key"), "duplicate_key", "kind %d: key %q is used twice", i+1, k.Key)
		case strings.TrimSpace(k.LabelZH) == "":
			return invalid(field("label_zh"), "required", "kind %s: the Chinese label is empty", k.Key)
		case k.Points < 0:
			return invalid(field("points"), "negative", "kind %s: points %d are negative", k.Key, k.Points)
		case k.Unit < 1:
			return invalid(field("unit"), "below_one", "kind %s: unit %d is below 1", k.Key, k.Unit)
		}
		seen[k.Key] = true
	}
	if r.PartnerThreshold <= 0 {
		return invalid("partner_threshold", "not_positive", "the Partner threshold must be above 0")
	}
	if r.PartnerThreshold > r.ACEThreshold {
		return invalid("ace_threshold", "below_partner", "the Partner threshold %d is above the ACE threshold %d", r.PartnerThreshold, r.ACEThreshold)
	}
	return nil
}

// validKey keeps keys safe to use in files and on the command line.
func validKey(key string) bool {
	if key == "" {
		return false
	}
	for _, c := range key {
		if (c < 'a' || c > 'z') && c != '_' {
			return false
		}
	}
	return true
}

// CopyTo starts another year from this table, sharing nothing with it so
// that editing one year never changes another.
func (r YearRules) CopyTo(year int) YearRules {
	r.Year = year
	r.Kinds = slices.Clone(r.Kinds)
	return r
}

// Kind finds a kind by its key or by either label, because imported files
// may carry what people see instead of the key. Case and spaces are ignored.
func (r YearRules) Kind(s string) (KindRule, bool) {
	s = squash(s)
	if s == "" {
		return KindRule{}, false
	}
	for _, k := range r.Kinds {
		if s == squash(k.Key) || s == squash(k.LabelZH) || s == squash(k.LabelEN) {
			return k, true
		}
	}
	return KindRule{}, false
}

// slot is the index of the kind with this exact key, or -1. A linear scan
// beats a map for the handful of kinds a year has.
func (r YearRules) slot(key string) int {
	for i, k := range r.Kinds {
		if k.Key == key {
			return i
		}
	}
	return -1
}
