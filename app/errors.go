package app

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Code is the coarse class of an error; the UI translates by Reason when it
// has one, else by Code.
type Code string

const (
	CodeInvalid      Code = "invalid"
	CodeNotFound     Code = "not_found"
	CodeConflict     Code = "conflict"
	CodeUnauthorized Code = "unauthorized"
	CodeInternal     Code = "internal"
)

// Error is the one error type that crosses into the UI and the CLI. Message
// is English for logs and the command line; Reason, Fields and Params let the
// UI build a translated message.
type Error struct {
	Code    Code              `json:"code"`
	Reason  string            `json:"reason,omitempty"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields,omitempty"`
	Params  map[string]string `json:"params,omitempty"`
}

func (e *Error) Error() string { return e.Message }

// Errorf builds an *Error with a reason key and an English message.
func Errorf(code Code, reason, format string, args ...any) *Error {
	return &Error{Code: code, Reason: reason, Message: fmt.Sprintf(format, args...)}
}

// WithParams returns e with the given key/value pairs added to Params.
func (e *Error) WithParams(kv ...string) *Error {
	if e.Params == nil {
		e.Params = map[string]string{}
	}
	for i := 0; i+1 < len(kv); i += 2 {
		e.Params[kv[i]] = kv[i+1]
	}
	return e
}

// FieldErrors collects per-field reasons during validation.
type FieldErrors map[string]string

// Add records the first reason for a field.
func (f FieldErrors) Add(field, reason string) {
	if _, ok := f[field]; !ok {
		f[field] = reason
	}
}

// Err returns nil when no field failed, else an invalid *Error whose
// Message says, in English, what is wrong with each field.
func (f FieldErrors) Err() error {
	if len(f) == 0 {
		return nil
	}
	fields := slices.Sorted(maps.Keys(f))
	problems := make([]string, len(fields))
	for i, field := range fields {
		problems[i] = strings.ReplaceAll(field, "_", " ") + " " + fieldProblem(f[field])
	}
	return &Error{Code: CodeInvalid, Reason: "fields", Message: "check the fields: " + strings.Join(problems, "; "), Fields: f}
}

// fieldProblems are the field reasons as the command line and the log say
// them; the UI has its own words for each (fieldErrors in the i18n files).
var fieldProblems = map[string]string{
	"required":             "is required",
	"too_long":             "is too long",
	"too_many":             "has too many entries",
	"too_large":            "is too large",
	"invalid_choice":       "is not one of the choices",
	"invalid_phone":        "is not a phone number (11 digits, or + and the country code)",
	"invalid_email":        "is not an email address",
	"invalid_date":         "is not a date (2026-03-05)",
	"invalid_year":         "is not a year from 2000 to 2999",
	"not_latin":            "must be in Latin letters (pinyin)",
	"not_positive":         "must be above 0",
	"unknown_org_category": "is not an organisation category; use one of: " + orgCategoryChoices(),
	"grant_level":          "must be partner or ace: Director is by invitation only",
	"date_outside_year":    "is not a day of its year",
	"duplicate_year":       "has the same year twice",
}

func fieldProblem(reason string) string {
	if p, ok := fieldProblems[reason]; ok {
		return p
	}
	return "is not valid (" + strings.ReplaceAll(reason, "_", " ") + ")"
}

// AsError converts any error into an *Error. Errors that are not already
// *Error are internal: the user sees a generic message, the log the detail.
func AsError(err error) *Error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Code: CodeInternal, Reason: "internal", Message: "internal error"}
}

// ErrorCode is the code of err, or "" for nil.
func ErrorCode(err error) Code {
	if err == nil {
		return ""
	}
	return AsError(err).Code
}
