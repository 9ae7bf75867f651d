package rules

import "strings"

// Level is a rung of the PostgreSQL ACE program.
type Level string

const (
	LevelNone     Level = "none"
	LevelPartner  Level = "partner"
	LevelACE      Level = "ace"
	LevelDirector Level = "director"
)

// levels runs from lowest to highest: a level's index is its rank.
var levels = []struct {
	level  Level
	zh, en string
}{
	{LevelNone, "无", "None"},
	{LevelPartner, "PostgreSQL ACE 伙伴", "PostgreSQL ACE Partner"},
	{LevelACE, "PostgreSQL ACE", "PostgreSQL ACE"},
	{LevelDirector, "PostgreSQL ACE 总监", "PostgreSQL ACE Director"},
}

// Rank orders the levels: none 0, partner 1, ace 2, director 3. An unknown
// level (including "") ranks as none, so a typo never grants anything.
func (l Level) Rank() int {
	for i, x := range levels {
		if x.level == l {
			return i
		}
	}
	return 0
}

// LabelZH is the level's Chinese name, as the program documents print it.
func (l Level) LabelZH() string { return levels[l.Rank()].zh }

// LabelEN is the level's English name.
func (l Level) LabelEN() string { return levels[l.Rank()].en }

// ParseLevel reads a level key or its Chinese or English name. Case and
// spaces are ignored, since the program's own documents write both
// "PostgreSQL ACE 伙伴" and "PostgreSQL ACE伙伴".
func ParseLevel(s string) (Level, bool) {
	s = squash(s)
	for _, x := range levels {
		if s == squash(string(x.level)) || s == squash(x.zh) || s == squash(x.en) {
			return x.level, true
		}
	}
	return "", false
}

// squash lowercases s and drops its white space, for lenient matching of
// names typed by people.
func squash(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}

// higher returns the higher of two levels.
func higher(a, b Level) Level {
	if b.Rank() > a.Rank() {
		return b
	}
	return a
}
