package app

import (
	"strings"
)

// Languages the UI ships, default first.
var Languages = []string{"zh-CN", "en"}

// Settings are the chapter's preferences, kept in the database so the
// desktop window and browser mode agree.
type Settings struct {
	Language string `json:"language"`
	// Operator is who the audit records as making each change.
	Operator string `json:"operator"`
	Version  int    `json:"version"`
}

// DefaultSettings is what a new database starts with.
func DefaultSettings(operator string) Settings {
	return Settings{Language: Languages[0], Operator: operator}
}

func (s *Settings) Normalize() { s.Operator = strings.TrimSpace(s.Operator) }

func (s Settings) Validate() error {
	f := FieldErrors{}
	known := false
	for _, l := range Languages {
		known = known || l == s.Language
	}
	if !known {
		f.Add("language", "invalid_choice")
	}
	if s.Operator == "" {
		f.Add("operator", "required")
	}
	checkText(f, "operator", s.Operator, MaxOperator, false)
	return f.Err()
}
