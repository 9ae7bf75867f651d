package store

import (
	"encoding/binary"
	"errors"
	"time"

	"acedesk/app"
	"acedesk/app/rules"
)

// A points record is what the rules need of a contribution, in 22 bytes
// plus the kind: member ID (8), date as year (2) month (1) day (1),
// quantity (4), status (1), override flag (1) and value (4), then the kind.
const pointsRecordFixed = 22

var statusCodes = []string{app.StatusPending, app.StatusApproved, app.StatusRejected}

func pointsRecord(c app.Contribution) ([]byte, error) {
	d, err := rules.ParseDate(c.Date)
	if err != nil {
		return nil, err
	}
	b := make([]byte, pointsRecordFixed, pointsRecordFixed+len(c.Kind))
	binary.BigEndian.PutUint64(b[0:], c.MemberID)
	binary.BigEndian.PutUint16(b[8:], uint16(d.Year))
	b[10], b[11] = byte(d.Month), byte(d.Day)
	binary.BigEndian.PutUint32(b[12:], uint32(c.Quantity))
	b[16] = 0xFF
	for i, st := range statusCodes {
		if st == c.Status {
			b[16] = byte(i)
		}
	}
	if c.Override != nil {
		b[17] = 1
		binary.BigEndian.PutUint32(b[18:], uint32(*c.Override))
	}
	return append(b, c.Kind...), nil
}

// pointsRecordYear is the year of a record pointsRecord made.
func pointsRecordYear(rec []byte) uint16 { return binary.BigEndian.Uint16(rec[8:]) }

var errBadPointsRecord = errors.New("damaged contribution index record")

// decodePointsRecord reads a record; kinds holds the kind names seen so
// far, so that a year of records shares a handful of strings instead of
// allocating one per record.
func decodePointsRecord(id uint64, b []byte, kinds map[string]string) (rules.Contribution, error) {
	if len(b) < pointsRecordFixed || int(b[16]) >= len(statusCodes) {
		return rules.Contribution{}, errBadPointsRecord
	}
	c := rules.Contribution{
		ID:       id,
		MemberID: binary.BigEndian.Uint64(b[0:]),
		Date:     rules.Date{Year: int(binary.BigEndian.Uint16(b[8:])), Month: time.Month(b[10]), Day: int(b[11])},
		Quantity: int(binary.BigEndian.Uint32(b[12:])),
		Status:   rules.Status(statusCodes[b[16]]),
	}
	kind, ok := kinds[string(b[pointsRecordFixed:])]
	if !ok {
		kind = string(b[pointsRecordFixed:])
		kinds[kind] = kind
	}
	c.Kind = kind
	if b[17] == 1 {
		v := int(binary.BigEndian.Uint32(b[18:]))
		c.Override = &v
	}
	return c, nil
}
