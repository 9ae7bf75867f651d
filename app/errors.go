package app

import (
	"errors"
	"fmt"
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

// Err returns nil when no field failed, else an invalid *Error.
func (f FieldErrors) Err() error {
	if len(f) == 0 {
		return nil
	}
	return &Error{Code: CodeInvalid, Reason: "fields", Message: fmt.Sprintf("invalid fields: %v", map[string]string(f)), Fields: f}
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
