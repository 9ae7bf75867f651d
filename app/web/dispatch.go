// Package web serves the frontend and a JSON API over the same service
// structs the desktop window binds, so both transports behave alike.
package web

import (
	"encoding/json"
	"fmt"
	"path"
	"reflect"
	"sort"
)

var errorType = reflect.TypeOf((*error)(nil)).Elem()

// method is one bound method, callable with JSON arguments.
type method struct {
	fn   reflect.Value
	args []reflect.Type
}

// Dispatcher calls bound methods by the name the Wails bindings use:
// "<package>.<Struct>.<Method>".
type Dispatcher struct {
	methods  map[string]method
	bindings []any
}

// NewDispatcher indexes the exported methods of each bound struct pointer.
// Unexported methods (lifecycle hooks) are never reachable.
func NewDispatcher(bindings ...any) *Dispatcher {
	d := &Dispatcher{methods: map[string]method{}, bindings: bindings}
	for _, b := range bindings {
		v := reflect.ValueOf(b)
		t := v.Type()
		prefix := path.Base(t.Elem().PkgPath()) + "." + t.Elem().Name() + "."
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			args := make([]reflect.Type, m.Type.NumIn()-1)
			for j := range args {
				args[j] = m.Type.In(j + 1)
			}
			d.methods[prefix+m.Name] = method{fn: v.Method(i), args: args}
		}
	}
	return d
}

// Names lists every callable method, sorted.
func (d *Dispatcher) Names() []string {
	out := make([]string, 0, len(d.methods))
	for n := range d.methods {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// errBadCall is returned for an unknown method or undecodable arguments.
type errBadCall struct{ msg string }

func (e errBadCall) Error() string { return e.msg }

// Has reports whether name is a bound method.
func (d *Dispatcher) Has(name string) bool {
	_, ok := d.methods[name]
	return ok
}

// splitArgs decodes a call's body, a JSON array, into its arguments.
func splitArgs(rawArgs json.RawMessage) ([]json.RawMessage, error) {
	var raw []json.RawMessage
	if len(rawArgs) > 0 {
		if err := json.Unmarshal(rawArgs, &raw); err != nil {
			return nil, errBadCall{"arguments must be a JSON array"}
		}
	}
	return raw, nil
}

// Call decodes rawArgs (a JSON array) into the method's parameters, calls
// it, and returns its result (nil when it has none) and its error.
func (d *Dispatcher) Call(name string, rawArgs json.RawMessage) (any, error) {
	raw, err := splitArgs(rawArgs)
	if err != nil {
		return nil, err
	}
	return d.call(name, raw)
}

func (d *Dispatcher) call(name string, raw []json.RawMessage) (any, error) {
	m, ok := d.methods[name]
	if !ok {
		return nil, errBadCall{"unknown method " + name}
	}
	if len(raw) != len(m.args) {
		return nil, errBadCall{fmt.Sprintf("%s takes %d arguments, got %d", name, len(m.args), len(raw))}
	}
	in := make([]reflect.Value, len(m.args))
	for i, t := range m.args {
		p := reflect.New(t)
		if err := json.Unmarshal(raw[i], p.Interface()); err != nil {
			return nil, errBadCall{fmt.Sprintf("argument %d of %s: %v", i+1, name, err)}
		}
		in[i] = p.Elem()
	}
	out := m.fn.Call(in)
	var result any
	var err error
	for _, o := range out {
		if o.Type() == errorType {
			if !o.IsNil() {
				err = o.Interface().(error)
			}
			continue
		}
		result = o.Interface()
	}
	return result, err
}
