package store

import (
	"reflect"
	"testing"
	"time"

	"acedesk/app"
	"acedesk/app/rules"
)

func TestPointsRecordRoundTrip(t *testing.T) {
	zero, seventy := 0, 70
	for _, tc := range []struct {
		name string
		in   app.Contribution
	}{
		{"approved article", app.Contribution{MemberID: 7, Kind: "article", Date: "2026-12-31", Quantity: 1, Status: app.StatusApproved}},
		{"pending beans", app.Contribution{MemberID: 1 << 40, Kind: "forum_beans", Date: "2026-01-01", Quantity: 3999, Status: app.StatusPending}},
		{"rejected with override 0", app.Contribution{MemberID: 2, Kind: "talk_live", Date: "2027-02-28", Quantity: 1, Status: app.StatusRejected, Override: &zero}},
		{"override 70", app.Contribution{MemberID: 3, Kind: "article", Date: "2026-06-15", Quantity: 1, Status: app.StatusApproved, Override: &seventy}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec, err := pointsRecord(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			got, err := decodePointsRecord(99, rec, map[string]string{})
			if err != nil {
				t.Fatal(err)
			}
			d, _ := time.Parse(app.DateLayout, tc.in.Date)
			want := rules.Contribution{ID: 99, MemberID: tc.in.MemberID, Kind: tc.in.Kind,
				Date:     rules.Date{Year: d.Year(), Month: d.Month(), Day: d.Day()},
				Quantity: tc.in.Quantity, Status: rules.Status(tc.in.Status), Override: tc.in.Override}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %+v, want %+v", got, want)
			}
		})
	}
	for _, bad := range [][]byte{nil, make([]byte, pointsRecordFixed-1), append(make([]byte, 16), 9, 0, 0, 0, 0, 0)} {
		if _, err := decodePointsRecord(1, bad, map[string]string{}); err == nil {
			t.Errorf("decoded a damaged record %v", bad)
		}
	}
}
