package app

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

// everyField is a contribution with every field set, found by reflection:
// a field added to Contribution and forgotten by MarshalContribution makes
// the comparison below fail.
func everyField(t *testing.T) Contribution {
	var c Contribution
	v := reflect.ValueOf(&c).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString("值" + v.Type().Field(i).Name)
		case reflect.Int, reflect.Int64:
			f.SetInt(int64(-i))
		case reflect.Uint64:
			f.SetUint(uint64(i + 1))
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Pointer:
			f.Set(reflect.New(f.Type().Elem()))
		case reflect.Struct:
			f.Set(reflect.ValueOf(time.Date(2026, 3, 14, 9, 0, i, 500, time.FixedZone("", 8*3600))))
		default:
			t.Fatalf("Contribution.%s: a %s, which this test cannot fill", v.Type().Field(i).Name, f.Kind())
		}
	}
	return c
}

func TestMarshalContributionIsJSONMarshal(t *testing.T) {
	over := -7
	for _, c := range []Contribution{
		{},
		everyField(t),
		{ID: 1, Title: "a<b>&\"\\\n\t\x01\x1f", Evidence: "“引号” — … \u2028 \u2029 \xe2\x80", Override: &over, OverrideReason: "\xff\xfe 不是 UTF-8"},
		{CreatedAt: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
		{UpdatedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.FixedZone("", 25*3600))},
	} {
		sameEncoding(t, c)
	}
}

func FuzzMarshalContribution(f *testing.F) {
	f.Add(uint64(1), "article", "标题 <b>", "“引号”\u2028", -5, int64(0))
	f.Fuzz(func(t *testing.T, id uint64, kind, title, evidence string, quantity int, unix int64) {
		sameEncoding(t, Contribution{ID: id, Kind: kind, Title: title, Evidence: evidence, Quantity: quantity, Override: &quantity,
			CreatedAt: time.Unix(unix, 0).UTC()})
	})
}

func sameEncoding(t *testing.T, c Contribution) {
	want, wantErr := json.Marshal(c)
	got, err := MarshalContribution(&c)
	if (err == nil) != (wantErr == nil) || err == nil && string(got) != string(want) {
		t.Errorf("MarshalContribution = %s, %v\n         json.Marshal = %s, %v", got, err, want, wantErr)
	}
}
