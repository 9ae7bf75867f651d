package service

import (
	"bytes"
	"maps"
	"strconv"

	"acedesk/app"
)

// memberColumns are the columns a roster file may have: the English key,
// the Chinese label of the template, and the labels the UI shows.
var memberColumns = []app.Column{
	{Key: "name", Labels: []string{"姓名"}, Required: true},
	{Key: "name_latin", Labels: []string{"拼音", "英文名"}},
	{Key: "phone", Labels: []string{"手机", "手机号", "手机号码"}},
	{Key: "email", Labels: []string{"邮箱", "电子邮箱"}},
	{Key: "wechat", Labels: []string{"微信", "微信号"}},
	{Key: "organization", Labels: []string{"单位", "工作单位"}},
	{Key: "org_category", Labels: []string{"单位类别", "单位类型", "机构类别", "org category"}},
	{Key: "city", Labels: []string{"城市"}},
	{Key: "title", Labels: []string{"职务", "职位"}},
	{Key: "address", Labels: []string{"地址", "通讯地址"}},
}

// MemberImportService merges a roster spreadsheet (XLSX or CSV) into the
// roster: rows match members by phone, else by email.
type MemberImportService struct {
	sheets   app.Spreadsheets
	repo     app.MemberImportRepository
	settings *SettingsService
	names
}

// NewMemberImportService imports over repo with the spreadsheet reader,
// the printer and the romanizer of ports.
func NewMemberImportService(repo app.MemberImportRepository, settings *SettingsService, ports Ports) *MemberImportService {
	return &MemberImportService{repo: repo, settings: settings, sheets: ports.Sheets, names: names{printer: ports.Printer, latin: ports.Latin}}
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
	err = applyImport(s.settings, &report, writes, s.repo.ImportMembers, func(row *ImportRow, m app.Member) { row.MemberID = m.ID })
	return report, err
}

func (s *MemberImportService) plan(fileName string, data []byte) (ImportReport, []importWrite[app.Member], error) {
	report := ImportReport{File: fileName, Columns: []string{}, Rows: []ImportRow{}}
	table, err := s.sheets.ReadTable(bytes.NewReader(data), memberColumns)
	if err != nil {
		return report, nil, importFileError(fileName, err)
	}
	report.Columns = table.Columns
	ins := make([]app.Member, len(table.Rows))
	phones, emails := make([]string, len(ins)), make([]string, len(ins))
	for i, r := range table.Rows {
		ins[i] = memberFromCells(r.Cells)
		phones[i], emails[i] = ins[i].Phone, ins[i].Email
	}
	existing, err := s.repo.MembersByContacts(phones, emails)
	if err != nil {
		return report, nil, err
	}
	m := newImportMatcher(existing, s.names)
	var writes []importWrite[app.Member]
	for i, r := range table.Rows {
		row, write := m.plan(r.Number, ins[i])
		if write != nil {
			writes = append(writes, importWrite[app.Member]{row: len(report.Rows), item: *write})
		}
		report.add(row)
	}
	return report, writes, nil
}

// memberFields points at the Member field of each import column.
func memberFields(m *app.Member) map[string]*string {
	return map[string]*string{
		"name": &m.Name, "name_latin": &m.NameLatin, "phone": &m.Phone, "email": &m.Email,
		"wechat": &m.WeChat, "organization": &m.Organization, "org_category": &m.OrgCategory,
		"city": &m.City, "title": &m.Title, "address": &m.Address,
	}
}

// memberFromCells is the normalized member a row describes; columns the
// file lacks stay empty.
func memberFromCells(cells map[string]string) app.Member {
	var m app.Member
	fields := memberFields(&m)
	for key, v := range cells {
		*fields[key] = v
	}
	if key, ok := app.ParseOrgCategory(m.OrgCategory); ok {
		m.OrgCategory = key
	}
	m.Normalize()
	return m
}

// importMatcher finds the member each row is about, and remembers rows
// already seen for the checks across rows.
type importMatcher struct {
	names
	byPhone, byEmail map[string]app.Member
	// phoneRow, emailRow and memberRow give the first row with each phone,
	// each email and about each member.
	phoneRow, emailRow map[string]int
	memberRow          map[uint64]int
}

func newImportMatcher(existing []app.Member, n names) *importMatcher {
	m := &importMatcher{names: n, byPhone: map[string]app.Member{}, byEmail: map[string]app.Member{},
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
func (m *importMatcher) plan(number int, in app.Member) (ImportRow, *app.Member) {
	row := ImportRow{Row: number, Name: in.Name}
	cur, found, err := m.match(number, in)
	if err != nil {
		return row.failed(err), nil
	}
	if !found {
		if err := m.checkRow(&in); err != nil {
			return row.failed(err), nil
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
	if err := m.checkRow(&next); err != nil {
		return row.failed(err), nil
	}
	row.Outcome = ImportUpdated
	return row, &next
}

// match finds the roster member with the row's phone, else its email.
func (m *importMatcher) match(number int, in app.Member) (app.Member, bool, *app.Error) {
	if in.Phone == "" && in.Email == "" {
		// Without a key a re-import would add the person again.
		return app.Member{}, false, app.Errorf(app.CodeInvalid, "import_no_contact", "neither phone nor email to match the roster by")
	}
	var dup *app.Error
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
			dup = app.Errorf(app.CodeInvalid, "import_duplicate_"+c.field, "%s %s is also on row %d", c.field, c.value, first).
				WithParams(c.field, c.value, "row", strconv.Itoa(first))
		}
	}
	if dup != nil {
		return app.Member{}, false, dup
	}
	byPhone, phoneKnown := m.byPhone[in.Phone]
	byEmail, emailKnown := m.byEmail[in.Email]
	if phoneKnown && emailKnown && byPhone.ID != byEmail.ID {
		return app.Member{}, false, app.Errorf(app.CodeConflict, "import_contact_conflict", "phone %s is %s's but email %s is %s's",
			in.Phone, byPhone.Name, in.Email, byEmail.Name).
			WithParams("phone", in.Phone, "phone_member", byPhone.Name, "email", in.Email, "email_member", byEmail.Name)
	}
	if !phoneKnown && !emailKnown {
		return app.Member{}, false, nil
	}
	cur := byEmail
	if phoneKnown {
		cur = byPhone
	}
	if first, seen := m.memberRow[cur.ID]; seen {
		return app.Member{}, false, app.Errorf(app.CodeInvalid, "import_same_member", "row %d is also about %s", first, cur.Name).
			WithParams("row", strconv.Itoa(first), "member", cur.Name, "id", strconv.FormatUint(cur.ID, 10))
	}
	m.memberRow[cur.ID] = number
	return cur, true, nil
}

// checkRow is names.check for a row: the Latin name filled in, the
// validation (see validRow), and a name the font cannot print refused.
func (m *importMatcher) checkRow(mem *app.Member) *app.Error {
	m.fill(mem)
	if err := validRow(*mem); err != nil {
		return err
	}
	return app.AsError(m.printable(*mem))
}

// validRow is m.Validate for a row whose organisation category no word
// names: the error keeps the value, and says which words to use.
func validRow(m app.Member) *app.Error {
	f := app.FieldErrors{}
	if err := m.Validate(); err != nil {
		maps.Copy(f, app.AsError(err).Fields)
	}
	if m.OrgCategory != "" && !app.IsOrgCategory(m.OrgCategory) {
		f["org_category"] = "unknown_org_category"
	}
	e := app.AsError(f.Err())
	if e != nil && f["org_category"] == "unknown_org_category" {
		e.WithParams("value", m.OrgCategory)
	}
	return e
}
