package service_test

import (
	"reflect"
	"testing"

	"acedesk/app"
	"acedesk/app/rules"
)

func TestRulesOrigin(t *testing.T) {
	svc, _ := newServices(t)
	saved := rules.DefaultRules(2025)
	saved.ACEThreshold = 600
	if _, err := svc.Rules.Save(saved); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		year, wantFrom, wantACE int
	}{
		{2024, 0, 500},    // before any saved table: the built-in one
		{2025, 2025, 600}, // saved
		{2027, 2025, 600}, // inherited from the latest earlier table
	} {
		from, err := svc.Rules.Origin(tc.year)
		r, err2 := svc.Rules.Get(tc.year)
		if err != nil || err2 != nil || from != tc.wantFrom || r.ACEThreshold != tc.wantACE || r.Year != tc.year {
			t.Errorf("%d: origin %d, table of %d with ACE %d (%v, %v); want origin %d, ACE %d",
				tc.year, from, r.Year, r.ACEThreshold, err, err2, tc.wantFrom, tc.wantACE)
		}
	}
}

func TestRulesSaveNamesTheField(t *testing.T) {
	svc, _ := newServices(t)
	for _, tc := range []struct {
		name string
		edit func(*rules.YearRules)
		want map[string]string
	}{
		{"negative points", func(r *rules.YearRules) { r.Kinds[3].Points = -5 }, map[string]string{"kinds.3.points": "negative"}},
		{"unit 0", func(r *rules.YearRules) { r.Kinds[4].Unit = 0 }, map[string]string{"kinds.4.unit": "below_one"}},
		{"blank label", func(r *rules.YearRules) { r.Kinds[0].LabelZH = " " }, map[string]string{"kinds.0.label_zh": "required"}},
		{"new kind with a bad key", func(r *rules.YearRules) {
			r.Kinds = append(r.Kinds, rules.KindRule{Key: "Book", LabelZH: "合著图书", Points: 300, Unit: 1})
		}, map[string]string{"kinds.6.key": "invalid_key"}},
		{"partner above ACE", func(r *rules.YearRules) { r.PartnerThreshold = 600 }, map[string]string{"ace_threshold": "below_partner"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rules.DefaultRules(2026)
			tc.edit(&r)
			_, err := svc.Rules.Save(r)
			if e := app.AsError(err); e == nil || e.Reason != "fields" || !reflect.DeepEqual(e.Fields, tc.want) {
				t.Errorf("Save = %+v, want fields %v", e, tc.want)
			}
			if from, _ := svc.Rules.Origin(2026); from != 0 {
				t.Errorf("a refused table was saved (origin %d)", from)
			}
		})
	}
}

func TestRulesSaveTrimsLabelsAndKeepsPastYears(t *testing.T) {
	svc, _ := newServices(t)
	r := rules.DefaultRules(2026)
	r.Kinds[5].Points = 30
	r.Kinds = append(r.Kinds, rules.KindRule{Key: " book ", LabelZH: " 合著图书 ", LabelEN: "Co-written book ", Points: 300, Unit: 1})
	got, err := svc.Rules.Save(r)
	if err != nil {
		t.Fatal(err)
	}
	want := rules.KindRule{Key: "book", LabelZH: "合著图书", LabelEN: "Co-written book", Points: 300, Unit: 1}
	if got.Kinds[6] != want {
		t.Errorf("saved kind %+v, want %+v", got.Kinds[6], want)
	}
	past, _ := svc.Rules.Get(2025)
	if !reflect.DeepEqual(past, rules.DefaultRules(2025)) {
		t.Errorf("2025 changed with 2026: %+v", past)
	}
	if _, err := svc.Rules.CopyToNextYear(2026); err != nil {
		t.Fatal(err)
	}
	next, _ := svc.Rules.Get(2027)
	if from, _ := svc.Rules.Origin(2027); from != 2027 || next.Kinds[5].Points != 30 || len(next.Kinds) != 7 {
		t.Errorf("copied 2027: origin %d, %+v", from, next)
	}
	e := app.AsError(func() error { _, err := svc.Rules.CopyToNextYear(2026); return err }())
	if e == nil || e.Code != app.CodeConflict || e.Reason != "rules_exist" || e.Params["year"] != "2027" {
		t.Errorf("copy over a saved year: %+v", e)
	}
}
