package rules

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestDefaultRulesAreThe2024Table(t *testing.T) {
	r := DefaultRules(2024)
	if err := r.Validate(); err != nil {
		t.Fatalf("Validate() = %v", err)
	}
	got := map[string][2]int{}
	keys := []string{}
	for _, k := range r.Kinds {
		got[k.Key] = [2]int{k.Points, k.Unit}
		keys = append(keys, k.Key)
		if k.LabelZH == "" || k.LabelEN == "" {
			t.Errorf("kind %s has no label", k.Key)
		}
	}
	want := map[string][2]int{
		"university_event": {200, 1}, "talk_conference": {400, 1}, "talk_regional": {200, 1},
		"talk_live": {50, 1}, "forum_beans": {100, 2000}, "article": {20, 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("kinds = %v, want %v", got, want)
	}
	wantKeys := []string{"university_event", "talk_conference", "talk_regional", "talk_live", "forum_beans", "article"}
	if !reflect.DeepEqual(keys, wantKeys) {
		t.Errorf("display order = %v, want %v", keys, wantKeys)
	}
	if r.Year != 2024 || r.ACEThreshold != 500 || r.PartnerThreshold != 200 {
		t.Errorf("year %d, thresholds ACE %d / Partner %d; want 2024, 500 / 200", r.Year, r.ACEThreshold, r.PartnerThreshold)
	}
}

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		name    string
		edit    func(*YearRules)
		wantErr string // "" for valid
		field   string
		reason  string
	}{
		{"default", func(*YearRules) {}, "", "", ""},
		{"equal thresholds", func(r *YearRules) { r.PartnerThreshold = 500 }, "", "", ""},
		{"zero points kind", func(r *YearRules) { r.Kinds[0].Points = 0 }, "", "", ""},
		{"no kinds", func(r *YearRules) { r.Kinds = nil }, "", "", ""},
		{"year 1999", func(r *YearRules) { r.Year = 1999 }, "year 1999", "year", "invalid_year"},
		{"year 3000", func(r *YearRules) { r.Year = 3000 }, "year 3000", "year", "invalid_year"},
		{"empty key", func(r *YearRules) { r.Kinds[1].Key = "" }, `kind 2: key ""`, "kinds.1.key", "invalid_key"},
		{"upper case key", func(r *YearRules) { r.Kinds[1].Key = "Article" }, `key "Article"`, "kinds.1.key", "invalid_key"},
		{"key with digit", func(r *YearRules) { r.Kinds[1].Key = "talk2" }, `key "talk2"`, "kinds.1.key", "invalid_key"},
		{"key with an accent", func(r *YearRules) { r.Kinds[1].Key = "artícle" }, `key "artícle"`, "kinds.1.key", "invalid_key"},
		{"key in Chinese", func(r *YearRules) { r.Kinds[1].Key = "文章" }, `key "文章"`, "kinds.1.key", "invalid_key"},
		{"key with space", func(r *YearRules) { r.Kinds[1].Key = "talk live" }, `key "talk live"`, "kinds.1.key", "invalid_key"},
		{"duplicate key", func(r *YearRules) { r.Kinds[5].Key = "talk_live" }, `kind 6: key "talk_live" is used twice`, "kinds.5.key", "duplicate_key"},
		{"negative points", func(r *YearRules) { r.Kinds[3].Points = -50 }, "talk_live: points -50", "kinds.3.points", "negative"},
		{"unit 0", func(r *YearRules) { r.Kinds[4].Unit = 0 }, "forum_beans: unit 0", "kinds.4.unit", "below_one"},
		{"blank Chinese label", func(r *YearRules) { r.Kinds[2].LabelZH = "  " }, "talk_regional: the Chinese label is empty", "kinds.2.label_zh", "required"},
		{"partner 0", func(r *YearRules) { r.PartnerThreshold = 0 }, "Partner threshold must be above 0", "partner_threshold", "not_positive"},
		{"partner above ace", func(r *YearRules) { r.PartnerThreshold = 501 }, "Partner threshold 501 is above the ACE threshold 500", "ace_threshold", "below_partner"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := DefaultRules(year)
			tc.edit(&r)
			err := r.Validate()
			switch {
			case tc.wantErr == "" && err != nil:
				t.Errorf("Validate() = %v, want nil", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Errorf("Validate() = %v, want an error containing %q", err, tc.wantErr)
			}
			var inv *InvalidError
			if tc.wantErr != "" && (!errors.As(err, &inv) || inv.Field != tc.field || inv.Reason != tc.reason) {
				t.Errorf("Validate() = %#v, want field %s, reason %s", err, tc.field, tc.reason)
			}
		})
	}
}

func TestCopyToSharesNothing(t *testing.T) {
	r := DefaultRules(2025)
	r.ACEThreshold = 600
	got := r.CopyTo(2026)
	if got.Year != 2026 || got.ACEThreshold != 600 || !reflect.DeepEqual(got.Kinds, r.Kinds) {
		t.Fatalf("CopyTo(2026) = %+v, want the 2025 table for 2026", got)
	}
	got.Kinds[0].Points = 999
	got.Kinds = append(got.Kinds, KindRule{Key: "podcast", Points: 10, Unit: 1})
	if r.Year != 2025 || r.Kinds[0].Points != 200 || len(r.Kinds) != 6 {
		t.Errorf("editing the copy changed the original: %+v", r)
	}
}

func TestKindFindsKeysAndLabels(t *testing.T) {
	r := DefaultRules(year)
	for _, tc := range []struct {
		in   string
		want string // key, "" when not found
	}{
		{"forum_beans", "forum_beans"},
		{"PGFans PG 豆", "forum_beans"},
		{"pgfans pg豆", "forum_beans"},
		{"Talk at a regional summit", "talk_regional"},
		{"公众号首发文章", "article"},
		{"podcast", ""},
		{"", ""},
	} {
		k, ok := r.Kind(tc.in)
		if k.Key != tc.want || ok != (tc.want != "") {
			t.Errorf("Kind(%q) = %q, %v; want %q", tc.in, k.Key, ok, tc.want)
		}
	}
}

func TestPointsFor(t *testing.T) {
	r := DefaultRules(year)
	beansRule, _ := r.Kind("forum_beans")
	article, _ := r.Kind("article")
	for _, tc := range []struct {
		kind     KindRule
		quantity int
		want     int
	}{
		{beansRule, 0, 0}, {beansRule, 1999, 0}, {beansRule, 2000, 100}, {beansRule, 3999, 100}, {beansRule, 4000, 200},
		{article, 1, 20}, {article, 3, 60},
		{KindRule{Key: "broken", Points: 10, Unit: 0}, 3, 30},
	} {
		if got := tc.kind.PointsFor(tc.quantity); got != tc.want {
			t.Errorf("%s.PointsFor(%d) = %d, want %d", tc.kind.Key, tc.quantity, got, tc.want)
		}
	}
}

// One rule for what a contribution earns alone, whoever asks: the entry's
// preview, the list, the import and the standings.
func TestPointsOfAContribution(t *testing.T) {
	article := KindRule{Key: "article", Points: 20, Unit: 1}
	beans := KindRule{Key: "forum_beans", Points: 100, Unit: 2000}
	ptr := func(n int) *int { return &n }
	for _, tc := range []struct {
		name     string
		k        KindRule
		quantity int
		override *int
		want     int
	}{
		{"two articles", article, 2, nil, 40},
		{"beans in whole units", beans, 4500, nil, 200},
		{"an override replaces the points", article, 2, ptr(35), 35},
		{"an override of zero", article, 2, ptr(0), 0},
		{"a negative override gives none", article, 2, ptr(-50), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.k.PointsOf(tc.quantity, tc.override); got != tc.want {
				t.Errorf("PointsOf = %d, want %d", got, tc.want)
			}
		})
	}
}
