package rules

import "testing"

func TestLevelRankOrdersTheLevels(t *testing.T) {
	for _, tc := range []struct {
		level Level
		want  int
	}{
		{LevelNone, 0}, {LevelPartner, 1}, {LevelACE, 2}, {LevelDirector, 3},
		{"", 0}, {"gold", 0}, {"ACE", 0},
	} {
		if got := tc.level.Rank(); got != tc.want {
			t.Errorf("Level(%q).Rank() = %d, want %d", tc.level, got, tc.want)
		}
	}
}

func TestParseLevelReadsKeysAndNames(t *testing.T) {
	for _, tc := range []struct {
		in     string
		want   Level
		wantOK bool
	}{
		{"none", LevelNone, true},
		{"partner", LevelPartner, true},
		{" ACE ", LevelACE, true},
		{"director", LevelDirector, true},
		{"PostgreSQL ACE 伙伴", LevelPartner, true},
		{"PostgreSQL ACE伙伴", LevelPartner, true},
		{"PostgreSQL ACE", LevelACE, true},
		{"PostgreSQL ACE 总监", LevelDirector, true},
		{"postgresql ace director", LevelDirector, true},
		{"PostgreSQL ACE Partner", LevelPartner, true},
		{"", "", false},
		{"gold", "", false},
		{"ACE 伙伴", "", false},
	} {
		got, ok := ParseLevel(tc.in)
		if got != tc.want || ok != tc.wantOK {
			t.Errorf("ParseLevel(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.wantOK)
		}
	}
}

func TestLevelLabels(t *testing.T) {
	for _, tc := range []struct {
		level  Level
		zh, en string
	}{
		{LevelPartner, "PostgreSQL ACE 伙伴", "PostgreSQL ACE Partner"},
		{LevelACE, "PostgreSQL ACE", "PostgreSQL ACE"},
		{LevelDirector, "PostgreSQL ACE 总监", "PostgreSQL ACE Director"},
		{LevelNone, "无", "None"},
	} {
		if zh, en := tc.level.LabelZH(), tc.level.LabelEN(); zh != tc.zh || en != tc.en {
			t.Errorf("%s labels = %q, %q; want %q, %q", tc.level, zh, en, tc.zh, tc.en)
		}
	}
}
