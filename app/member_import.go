package app

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"acedesk/app/exchange"
)

// memberColumns are the columns a roster file may have: the English key,
// the Chinese label of the template, and the labels the UI shows.
var memberColumns = []exchange.Column{
	{Key: "name", Labels: []string{"姓名"}, Required: true},
	{Key: "name_latin", Labels: []string{"拼音", "英文名"}},
	{Key: "phone", Labels: []string{"手机", "手机号", "手机号码"}},
	{Key: "email", Labels: []string{"邮箱", "电子邮箱"}},
	{Key: "wechat", Labels: []string{"微信", "微信号"}},
	{Key: "organization", Labels: []string{"单位", "工作单位"}},
	{Key: "org_category", Labels: []string{"单位类别"}},
	{Key: "city", Labels: []string{"城市"}},
	{Key: "title", Labels: []string{"职务", "职位"}},
	{Key: "address", Labels: []string{"地址", "通讯地址"}},
}

// orgCategoryLabels maps the Chinese names of the categories, as the UI
// shows them, to their keys.
var orgCategoryLabels = map[string]string{
	"用户单位": "user", "数据库与云厂商": "vendor", "集成与服务商": "integrator",
	"行业软件厂商": "isv", "硬件厂商": "hardware", "高校": "university",
	"媒体": "media", "培训机构": "training", "志愿者": "volunteer",
}

// Outcomes of one imported row.
const (
	ImportNew       = "new"
	ImportUpdated   = "updated"
	ImportUnchanged = "unchanged"
	ImportError     = "error"
)

// ImportRow is what importing one spreadsheet row does, or would do.
type ImportRow struct {
	// Row is the row number the spreadsheet shows.
	Row      int    `json:"row"`
	Outcome  string `json:"outcome"`
	MemberID uint64 `json:"member_id"`
	Name     string `json:"name"`
	// Changes are the fields an update changes, in column order.
	Changes []string `json:"changes,omitempty"`
	// Contribution is, in a contributions file, what the row records (the
	// stored one once written, or the identical one already on record).
	Contribution *ContributionRow `json:"contribution,omitempty"`
	// Reason, Message, Params and Fields explain an error row as an *Error
	// would: Fields as Member.Validate gives them.
	Reason  string            `json:"reason,omitempty"`
	Message string            `json:"message,omitempty"`
	Params  map[string]string `json:"params,omitempty"`
	Fields  map[string]string `json:"fields,omitempty"`
}

// ImportReport is the outcome of every row of a file, with the counts.
type ImportReport struct {
	File string `json:"file"`
	// Columns are the keys of the columns the file has.
	Columns   []string    `json:"columns"`
	Rows      []ImportRow `json:"rows"`
	New       int         `json:"new"`
	Updated   int         `json:"updated"`
	Unchanged int         `json:"unchanged"`
	Errors    int         `json:"errors"`
	// Applied is set once the rows are written; Backup is the copy of the
	// database taken just before ("" when nothing needed writing).
	Applied bool   `json:"applied"`
	Backup  string `json:"backup,omitempty"`
}

// MemberImportService merges a roster spreadsheet (XLSX or CSV) into the
// roster: rows match members by phone, else by email.
type MemberImportService struct {
	repo     MemberImportRepository
	settings *SettingsService
}

func NewMemberImportService(repo MemberImportRepository, settings *SettingsService) *MemberImportService {
	return &MemberImportService{repo: repo, settings: settings}
}

// Preview reports what importing the file would do to each row, writing
// nothing.
func (s *MemberImportService) Preview(fileName string, data []byte) (ImportReport, error) {
	report, _, err := s.plan(fileName, data)
	return report, err
}

// Apply imports the file all or nothing: if any row is an error, nothing is
// written and the report says why; else every create and update is written
// in one transaction, after a backup of the database.
func (s *MemberImportService) Apply(fileName string, data []byte) (ImportReport, error) {
	report, writes, err := s.plan(fileName, data)
	if err != nil {
		return report, err
	}
	err = applyImport(s.settings, &report, writes, s.repo.ImportMembers, func(row *ImportRow, m Member) { row.MemberID = m.ID })
	return report, err
}

// importWrite is a record to store for the report row at index row.
type importWrite[T any] struct {
	row  int
	item T
}

// applyImport writes a planned import all or nothing: if any row is an
// error, nothing is written and the error says how many; else the writes
// (if any) go to write in one call, record copies each stored item into
// its row, and the report is marked applied.
func applyImport[T any](settings *SettingsService, report *ImportReport, writes []importWrite[T],
	write func([]T, Change) ([]T, string, error), record func(*ImportRow, T)) error {
	if report.Errors > 0 {
		return Errorf(CodeInvalid, "import_has_errors", "%s: %d of %d rows have errors, nothing was imported",
			report.File, report.Errors, len(report.Rows)).
			WithParams("file", report.File, "errors", strconv.Itoa(report.Errors), "rows", strconv.Itoa(len(report.Rows)))
	}
	if len(writes) > 0 {
		c, err := settings.change()
		if err != nil {
			return err
		}
		items := make([]T, len(writes))
		for i, w := range writes {
			items[i] = w.item
		}
		stored, backup, err := write(items, c)
		if err != nil {
			return err
		}
		for i, w := range writes {
			record(&report.Rows[w.row], stored[i])
		}
		report.Backup = backup
	}
	report.Applied = true
	return nil
}

// add appends a row and counts its outcome.
func (r *ImportReport) add(row ImportRow) {
	switch row.Outcome {
	case ImportNew:
		r.New++
	case ImportUpdated:
		r.Updated++
	case ImportUnchanged:
		r.Unchanged++
	case ImportError:
		r.Errors++
	}
	r.Rows = append(r.Rows, row)
}

func (s *MemberImportService) plan(fileName string, data []byte) (ImportReport, []importWrite[Member], error) {
	report := ImportReport{File: fileName, Columns: []string{}, Rows: []ImportRow{}}
	table, err := exchange.ReadTable(bytes.NewReader(data), memberColumns)
	if err != nil {
		return report, nil, importFileError(fileName, err)
	}
	report.Columns = table.Columns
	ins := make([]Member, len(table.Rows))
	phones, emails := make([]string, len(ins)), make([]string, len(ins))
	for i, r := range table.Rows {
		ins[i] = memberFromCells(r.Cells)
		phones[i], emails[i] = ins[i].Phone, ins[i].Email
	}
	existing, err := s.repo.MembersByContacts(phones, emails)
	if err != nil {
		return report, nil, err
	}
	m := newImportMatcher(existing)
	var writes []importWrite[Member]
	for i, r := range table.Rows {
		row, write := m.plan(r.Number, ins[i])
		if write != nil {
			writes = append(writes, importWrite[Member]{row: len(report.Rows), item: *write})
		}
		report.add(row)
	}
	return report, writes, nil
}

// importFileError explains in the app's terms why a file is not a table.
func importFileError(file string, err error) error {
	var e *exchange.Error
	if !errors.As(err, &e) {
		return err
	}
	out := Errorf(CodeInvalid, "import_"+string(e.Problem), "%s: %v", file, e).WithParams("file", file)
	if len(e.Columns) > 0 {
		out.WithParams("columns", strings.Join(e.Columns, ", "))
	}
	if e.Problem == exchange.TooLarge {
		out.WithParams("max_mb", strconv.Itoa(exchange.MaxBytes>>20), "max_rows", strconv.Itoa(exchange.MaxRows))
	}
	return out
}

// memberFields points at the Member field of each import column.
func memberFields(m *Member) map[string]*string {
	return map[string]*string{
		"name": &m.Name, "name_latin": &m.NameLatin, "phone": &m.Phone, "email": &m.Email,
		"wechat": &m.WeChat, "organization": &m.Organization, "org_category": &m.OrgCategory,
		"city": &m.City, "title": &m.Title, "address": &m.Address,
	}
}

// memberFromCells is the normalized member a row describes; columns the
// file lacks stay empty.
func memberFromCells(cells map[string]string) Member {
	var m Member
	fields := memberFields(&m)
	for key, v := range cells {
		*fields[key] = v
	}
	if key, ok := orgCategoryLabels[m.OrgCategory]; ok {
		m.OrgCategory = key
	} else if isOrgCategory(strings.ToLower(m.OrgCategory)) {
		m.OrgCategory = strings.ToLower(m.OrgCategory)
	}
	m.Normalize()
	return m
}

// importMatcher finds the member each row is about, and remembers rows
// already seen for the checks across rows.
type importMatcher struct {
	byPhone, byEmail map[string]Member
	// phoneRow, emailRow and memberRow give the first row with each phone,
	// each email and about each member.
	phoneRow, emailRow map[string]int
	memberRow          map[uint64]int
}

func newImportMatcher(existing []Member) *importMatcher {
	m := &importMatcher{byPhone: map[string]Member{}, byEmail: map[string]Member{},
		phoneRow: map[string]int{}, emailRow: map[string]int{}, memberRow: map[uint64]int{}}
	for _, e := range existing {
		if e.Phone != "" {
			m.byPhone[e.Phone] = e
		}
		if e.Email != "" {
			m.byEmail[e.Email] = e
		}
	}
	return m
}

// plan decides the outcome of one row, and the member to write if any.
func (m *importMatcher) plan(number int, in Member) (ImportRow, *Member) {
	row := ImportRow{Row: number, Name: in.Name}
	cur, found, err := m.match(number, in)
	if err != nil {
		return row.failed(err), nil
	}
	if !found {
		if err := in.Validate(); err != nil {
			return row.failed(AsError(err)), nil
		}
		row.Outcome = ImportNew
		return row, &in
	}
	row.MemberID, row.Name = cur.ID, cur.Name
	// An empty cell keeps what the roster has: files are often partial.
	next := cur
	have, from := memberFields(&next), memberFields(&in)
	for _, c := range memberColumns {
		if v := *from[c.Key]; v != "" && v != *have[c.Key] {
			*have[c.Key] = v
			row.Changes = append(row.Changes, c.Key)
		}
	}
	if len(row.Changes) == 0 {
		row.Outcome = ImportUnchanged
		return row, nil
	}
	row.Name = next.Name
	if err := next.Validate(); err != nil {
		return row.failed(AsError(err)), nil
	}
	row.Outcome = ImportUpdated
	return row, &next
}

// match finds the roster member with the row's phone, else its email.
func (m *importMatcher) match(number int, in Member) (Member, bool, *Error) {
	if in.Phone == "" && in.Email == "" {
		// Without a key a re-import would add the person again.
		return Member{}, false, Errorf(CodeInvalid, "import_no_contact", "neither phone nor email to match the roster by")
	}
	var dup *Error
	for _, c := range []struct {
		field, value string
		first        map[string]int
	}{{"phone", in.Phone, m.phoneRow}, {"email", in.Email, m.emailRow}} {
		if c.value == "" {
			continue
		}
		first, seen := c.first[c.value]
		if !seen {
			c.first[c.value] = number
		} else if dup == nil {
			dup = Errorf(CodeInvalid, "import_duplicate_"+c.field, "%s %s is also on row %d", c.field, c.value, first).
				WithParams(c.field, c.value, "row", strconv.Itoa(first))
		}
	}
	if dup != nil {
		return Member{}, false, dup
	}
	byPhone, phoneKnown := m.byPhone[in.Phone]
	byEmail, emailKnown := m.byEmail[in.Email]
	if phoneKnown && emailKnown && byPhone.ID != byEmail.ID {
		return Member{}, false, Errorf(CodeConflict, "import_contact_conflict", "phone %s is %s's but email %s is %s's",
			in.Phone, byPhone.Name, in.Email, byEmail.Name).
			WithParams("phone", in.Phone, "phone_member", byPhone.Name, "email", in.Email, "email_member", byEmail.Name)
	}
	if !phoneKnown && !emailKnown {
		return Member{}, false, nil
	}
	cur := byEmail
	if phoneKnown {
		cur = byPhone
	}
	if first, seen := m.memberRow[cur.ID]; seen {
		return Member{}, false, Errorf(CodeInvalid, "import_same_member", "row %d is also about %s", first, cur.Name).
			WithParams("row", strconv.Itoa(first), "member", cur.Name, "id", strconv.FormatUint(cur.ID, 10))
	}
	m.memberRow[cur.ID] = number
	return cur, true, nil
}

func (r ImportRow) failed(e *Error) ImportRow {
	r.Outcome, r.Reason, r.Message, r.Params, r.Fields = ImportError, e.Reason, fmt.Sprintf("row %d: %s", r.Row, e.Message), e.Params, e.Fields
	return r
}
