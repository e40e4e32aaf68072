// Command gen writes the typed events of go/events/<provider>/ from the core's schemas
// (core/events/<provider>.json): a struct with JSON tags for every payload and sub-object,
// a named string type for every enumeration, the kinds as constants, a Parse that returns
// the kind's type, a test that switches over every kind, and the schema itself beside
// them (schema.json, embedded for validation: a module cannot reach outside its
// directory). Run from go/events by `go generate`:
//
//	go run ./internal/gen ../../core/events
//
// The schemas use only the keywords docs/events.md lists; any other is an error here, so
// a new keyword is never silently ignored.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

var keywords = map[string]bool{"type": true, "properties": true, "required": true, "additionalProperties": true,
	"items": true, "enum": true, "const": true, "$ref": true, "description": true, "format": true, "anyOf": true}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./internal/gen DIR-OF-SCHEMAS")
		os.Exit(2)
	}
	files, err := filepath.Glob(filepath.Join(os.Args[1], "*.json"))
	if err == nil && len(files) == 0 {
		err = fmt.Errorf("no schemas in %s", os.Args[1])
	}
	for _, f := range files {
		if err != nil {
			break
		}
		err = generate(f)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func generate(file string) error {
	raw, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var doc node
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := doc.decode(dec); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	g := &gen{file: filepath.Base(file), provider: doc.str("x-provider"), defs: doc.get("$defs"), taken: map[string]bool{}}
	if g.provider == "" || g.defs == nil {
		return fmt.Errorf("%s: no x-provider or $defs", file)
	}
	for _, e := range doc.get("x-events").list {
		g.events = append(g.events, event{kind: e.str("kind"), typ: e.str("type"), summary: e.str("summary")})
	}
	if err := g.check(); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	dir := g.provider
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "schema.json"), raw, 0o644); err != nil {
		return err
	}
	for name, src := range map[string][]byte{"events_generated.go": g.types(doc.str("title")), "kinds_generated_test.go": g.kindsTest()} {
		out, err := format.Source(src)
		if err != nil {
			return fmt.Errorf("%s/%s: %w\n%s", dir, name, err, src)
		}
		if err := os.WriteFile(filepath.Join(dir, name), out, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// node is a JSON value that keeps its object keys in order (a schema's properties are
// written in the document's order).
type node struct {
	keys []string
	vals map[string]*node
	list []*node
	val  any // string, json.Number, bool, nil for scalars
	kind byte
}

func (n *node) decode(dec *json.Decoder) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	switch t := t.(type) {
	case json.Delim:
		n.kind = byte(t)
		if t == '{' {
			n.vals = map[string]*node{}
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return err
				}
				child := &node{}
				if err := child.decode(dec); err != nil {
					return err
				}
				n.keys = append(n.keys, k.(string))
				n.vals[k.(string)] = child
			}
		} else {
			for dec.More() {
				child := &node{}
				if err := child.decode(dec); err != nil {
					return err
				}
				n.list = append(n.list, child)
			}
		}
		_, err = dec.Token()
		return err
	default:
		n.val = t
	}
	return nil
}

func (n *node) get(k string) *node {
	if n == nil || n.vals == nil {
		return nil
	}
	return n.vals[k]
}

func (n *node) str(k string) string {
	s, _ := n.get(k).scalar().(string)
	return s
}

func (n *node) scalar() any {
	if n == nil {
		return nil
	}
	return n.val
}

// types is the schema's "type" as a list ("string", or ["string", "null"]).
func (n *node) types() []string {
	t := n.get("type")
	if t == nil {
		return nil
	}
	if t.kind == '[' {
		var out []string
		for _, x := range t.list {
			out = append(out, x.val.(string))
		}
		return out
	}
	return []string{t.val.(string)}
}

type event struct{ kind, typ, summary string }

type gen struct {
	file, provider string
	defs           *node
	events         []event
	taken          map[string]bool
	decls          []string          // the type declarations, in order
	defNames       map[string]string // $defs name -> Go name
}

// check refuses a keyword the generators and validators do not know, and a $ref that
// is not local.
func (g *gen) check() error {
	var walk func(n *node, at string) error
	walk = func(n *node, at string) error {
		if n.kind != '{' {
			return fmt.Errorf("%s: a schema is an object", at)
		}
		for _, k := range n.keys {
			if !keywords[k] {
				return fmt.Errorf("%s: keyword %q is not one docs/events.md lists", at, k)
			}
		}
		if r := n.str("$ref"); r != "" && g.defs.get(strings.TrimPrefix(r, "#/$defs/")) == nil {
			return fmt.Errorf("%s: $ref %q is not a local #/$defs/ name", at, r)
		}
		for _, k := range n.get("properties").keysOrNil() {
			if err := walk(n.get("properties").get(k), at+"."+k); err != nil {
				return err
			}
		}
		if it := n.get("items"); it != nil {
			if err := walk(it, at+"[]"); err != nil {
				return err
			}
		}
		if ap := n.get("additionalProperties"); ap != nil {
			if _, ok := ap.val.(bool); !ok {
				return fmt.Errorf("%s: additionalProperties is true or false", at)
			}
		}
		for _, b := range n.get("anyOf").listOrNil() {
			if err := walk(b, at); err != nil {
				return err
			}
		}
		return nil
	}
	for _, k := range g.defs.keys {
		if err := walk(g.defs.get(k), "$defs."+k); err != nil {
			return err
		}
	}
	for _, e := range g.events {
		if g.defs.get(e.typ) == nil {
			return fmt.Errorf("x-events: %s has no $defs entry %s", e.kind, e.typ)
		}
	}
	return nil
}

func (n *node) keysOrNil() []string {
	if n == nil {
		return nil
	}
	return n.keys
}

func (n *node) listOrNil() []*node {
	if n == nil {
		return nil
	}
	return n.list
}

// name takes a Go identifier for the package, with a number after it if it is taken.
func (g *gen) name(want string) string {
	n := want
	for i := 2; g.taken[n]; i++ {
		n = fmt.Sprintf("%s%d", want, i)
	}
	g.taken[n] = true
	return n
}

var initialisms = map[string]string{"id": "ID", "ids": "IDs", "url": "URL", "uri": "URI", "api": "API",
	"uuid": "UUID", "http": "HTTP", "json": "JSON", "ip": "IP", "sms": "SMS", "crm": "CRM", "sla": "SLA"}

// ident is a JSON name as an exported Go identifier: deal_stage_changed, companyId ->
// DealStageChanged, CompanyID.
func ident(s string) string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = nil
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
		case unicode.IsUpper(r) && i > 0 && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1])):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
	}
	flush()
	var b strings.Builder
	for _, w := range words {
		if up, ok := initialisms[strings.ToLower(w)]; ok {
			b.WriteString(up)
			continue
		}
		r := []rune(w)
		b.WriteString(strings.ToUpper(string(r[0])) + string(r[1:]))
	}
	out := b.String()
	if out == "" || unicode.IsDigit([]rune(out)[0]) {
		out = "X" + out
	}
	return out
}

// comment is text as // lines of at most about 90 columns.
func comment(text, indent string) string {
	var b strings.Builder
	line := indent + "//"
	for _, w := range strings.Fields(text) {
		if len(line)+1+len(w) > 92 && line != indent+"//" {
			b.WriteString(line + "\n")
			line = indent + "//"
		}
		line += " " + w
	}
	return b.String() + line + "\n"
}

func (g *gen) types(title string) []byte {
	g.defNames = map[string]string{}
	for _, w := range []string{"Provider", "Kinds", "Parse"} {
		g.taken[w] = true
	}
	// Every $defs entry is a named type (events first by their x-events names, so each
	// keeps its schema name), then the inline objects and enumerations they hold.
	for _, e := range g.events {
		g.defNames[e.typ] = g.name(e.typ)
	}
	for _, k := range g.defs.keys {
		if _, ok := g.defNames[k]; !ok {
			g.defNames[k] = g.name(ident(k))
		}
	}
	kinds := map[string]event{}
	for _, e := range g.events {
		kinds[e.typ] = e
	}
	for _, k := range g.defs.keys {
		g.declare(g.defNames[k], g.defs.get(k), kinds[k])
	}

	var b strings.Builder
	fmt.Fprintf(&b, "// Code generated by go/events/internal/gen from core/events/%s; DO NOT EDIT.\n\n", g.file)
	b.WriteString(comment(fmt.Sprintf("Package %s is %s as Go types, generated from the core's schema "+
		"(core/events/%s, embedded as schema.json): a struct for each of its %d event kinds, whose "+
		"Kind and Provider methods make it an events.Event, and Parse, which decodes a body into its kind's type.",
		g.provider, title, g.file, len(g.events)), ""))
	fmt.Fprintf(&b, "package %s\n\nimport (\n\t_ \"embed\"\n\n\t\"github.com/hookseal/hookseal/go/events/internal/kit\"\n)\n\n", g.provider)
	fmt.Fprintf(&b, "// Provider is the scheme id of these events.\nconst Provider = %q\n\n", g.provider)
	b.WriteString("//go:embed schema.json\nvar schemaJSON []byte\n\n")
	b.WriteString("var schema = kit.NewSchema(Provider, schemaJSON)\n\n")
	b.WriteString("// The event kinds, as the verified envelope's Kind gives them.\nconst (\n")
	for _, e := range g.events {
		b.WriteString(comment(fmt.Sprintf("Kind%s is %s: %s", g.defNames[e.typ], e.kind, e.summary), "\t"))
		fmt.Fprintf(&b, "\tKind%s = %q\n", g.defNames[e.typ], e.kind)
	}
	b.WriteString(")\n\n// Kinds are every kind of the schema, in its order.\nvar Kinds = []string{\n")
	for _, e := range g.events {
		fmt.Fprintf(&b, "\tKind%s,\n", g.defNames[e.typ])
	}
	b.WriteString("}\n\n")
	b.WriteString(comment("Parse decodes body into the type of kind (the verified envelope's kind): a *"+
		g.defNames[g.events[0].typ]+" for "+g.events[0].kind+", and *events.Generic for a kind the schema does not list. "+
		"A body that is not JSON, or whose fields do not fit their types, is invalid_payload (hookseal.ErrInvalidPayload) "+
		"naming the JSON path; with events.WithValidation(), so is a payload that breaks its kind's schema.", ""))
	b.WriteString("func Parse(kind string, body []byte, opts ...kit.Option) (kit.Event, error) {\n\tswitch kind {\n")
	for _, e := range g.events {
		fmt.Fprintf(&b, "\tcase Kind%s:\n\t\treturn kit.Decode(schema, kind, body, new(%s), opts)\n", g.defNames[e.typ], g.defNames[e.typ])
	}
	b.WriteString("\t}\n\treturn kit.Unknown(schema, kind, body)\n}\n")
	for _, d := range g.decls {
		b.WriteString("\n" + d)
	}
	return []byte(b.String())
}

// declare writes the named type of schema s.
func (g *gen) declare(name string, s *node, ev event) {
	// Its place comes before the inline types its fields declare.
	at := len(g.decls)
	g.decls = append(g.decls, "")
	var b strings.Builder
	desc := s.str("description")
	if ev.kind != "" {
		desc = fmt.Sprintf("%s is the payload of %s: %s", name, ev.kind, desc)
	} else if desc != "" {
		desc = name + ": " + desc
	}
	if desc != "" {
		b.WriteString(comment(desc, ""))
	}
	if props := s.get("properties"); props != nil {
		fmt.Fprintf(&b, "type %s struct {\n", name)
		required := map[string]bool{}
		for _, r := range s.get("required").listOrNil() {
			required[r.val.(string)] = true
		}
		fields := map[string]bool{}
		for _, k := range props.keys {
			p := props.get(k)
			field := ident(k)
			for i := 2; fields[field]; i++ {
				field = fmt.Sprintf("%s%d", ident(k), i)
			}
			fields[field] = true
			typ, nullable := g.goType(p, name+field)
			tag := k
			if (!required[k] || nullable) && pointable(typ) {
				typ = "*" + typ
				tag += ",omitempty"
			}
			if d := p.str("description"); d != "" {
				b.WriteString(comment(field+": "+d, "\t"))
			}
			fmt.Fprintf(&b, "\t%s %s `json:%q`\n", field, typ, tag)
		}
		b.WriteString("}\n")
		if ev.kind != "" {
			fmt.Fprintf(&b, "\n// Kind is %q.\nfunc (*%s) Kind() string { return Kind%s }\n", ev.kind, name, name)
			fmt.Fprintf(&b, "\n// Provider is %q.\nfunc (*%s) Provider() string { return Provider }\n", g.provider, name)
		}
	} else if enum := s.get("enum"); enum != nil {
		fmt.Fprintf(&b, "type %s string\n%s", name, g.enumConsts(name, enum))
	} else {
		typ, _ := g.goType(s, name+"Value")
		fmt.Fprintf(&b, "type %s %s\n", name, typ)
	}
	g.decls[at] = b.String()
}

func (g *gen) enumConsts(name string, enum *node) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n// The values of %s.\nconst (\n", name)
	for _, v := range enum.list {
		s := v.val.(string)
		fmt.Fprintf(&b, "\t%s %s = %q\n", g.name(name+ident(s)), name, s)
	}
	return b.String() + ")\n"
}

// pointable is whether an optional field of typ is a pointer (absent is nil); slices,
// maps and any already have nil.
func pointable(typ string) bool {
	return !strings.HasPrefix(typ, "[]") && !strings.HasPrefix(typ, "map[") && typ != "any"
}

// goType is the Go type of schema s (naming an inline object or enumeration as want)
// and whether null is allowed.
func (g *gen) goType(s *node, want string) (string, bool) {
	if r := s.str("$ref"); r != "" {
		return g.defNames[strings.TrimPrefix(r, "#/$defs/")], false
	}
	if branches := s.get("anyOf").listOrNil(); len(branches) > 0 {
		var real []*node
		for _, b := range branches {
			if t := b.types(); len(t) == 1 && t[0] == "null" {
				continue
			}
			real = append(real, b)
		}
		if len(real) == 1 {
			typ, _ := g.goType(real[0], want)
			return typ, len(real) < len(branches)
		}
		return "any", true
	}
	if c := s.get("const"); c != nil {
		return scalarType(c.val), false
	}
	types := s.types()
	nullable := false
	var nonNull []string
	for _, t := range types {
		if t == "null" {
			nullable = true
		} else {
			nonNull = append(nonNull, t)
		}
	}
	if len(nonNull) != 1 {
		if len(nonNull) == 0 && s.get("properties") != nil {
			nonNull = []string{"object"}
		} else {
			return "any", true
		}
	}
	switch nonNull[0] {
	case "object":
		if s.get("properties") == nil {
			return "map[string]any", nullable
		}
		name := g.name(want)
		g.declare(name, s, event{})
		return name, nullable
	case "array":
		if it := s.get("items"); it != nil {
			typ, _ := g.goType(it, want+"Item")
			return "[]" + typ, nullable
		}
		return "[]any", nullable
	case "string":
		if s.get("enum") != nil {
			name := g.name(want)
			g.decls = append(g.decls, comment(name+": "+s.str("description"), "")+fmt.Sprintf("type %s string\n", name)+g.enumConsts(name, s.get("enum")))
			return name, nullable
		}
		return "string", nullable
	case "integer":
		return "int64", nullable
	case "number":
		return "float64", nullable
	case "boolean":
		return "bool", nullable
	}
	return "any", true
}

func scalarType(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case bool:
		return "bool"
	case json.Number:
		return "float64"
	}
	return "any"
}

// kindsTest is a test that switches over every kind's type (go vet compiles it) and
// checks Parse gives each kind its type.
func (g *gen) kindsTest() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "// Code generated by go/events/internal/gen from core/events/%s; DO NOT EDIT.\n\n", g.file)
	fmt.Fprintf(&b, "package %s_test\n\nimport (\n\t\"testing\"\n\n\t\"github.com/hookseal/hookseal/go/events\"\n\t\"github.com/hookseal/hookseal/go/events/%s\"\n)\n\n", g.provider, g.provider)
	b.WriteString("// kindOf names the type of e by a type switch over every kind.\nfunc kindOf(e events.Event) string {\n\tswitch e.(type) {\n")
	for _, e := range g.events {
		fmt.Fprintf(&b, "\tcase *%s.%s:\n\t\treturn %s.Kind%s\n", g.provider, g.defNames[e.typ], g.provider, g.defNames[e.typ])
	}
	b.WriteString("\tcase *events.Generic:\n\t\treturn \"\"\n\t}\n\treturn \"?\"\n}\n\n")
	fmt.Fprintf(&b, "func TestEveryKindParsesToItsType(t *testing.T) {\n\tif len(%s.Kinds) != %d {\n\t\tt.Fatalf(\"%%d kinds\", len(%s.Kinds))\n\t}\n", g.provider, len(g.events), g.provider)
	fmt.Fprintf(&b, "\tfor _, kind := range %s.Kinds {\n\t\te, err := %s.Parse(kind, []byte(\"{}\"))\n", g.provider, g.provider)
	b.WriteString("\t\tif err != nil || kindOf(e) != kind || e.Kind() != kind {\n\t\t\tt.Errorf(\"%s: %T %v\", kind, e, err)\n\t\t}\n\t}\n")
	fmt.Fprintf(&b, "\tif e, err := %s.Parse(\"no.such.kind\", []byte(\"{}\")); err != nil || kindOf(e) != \"\" || e.Kind() != \"no.such.kind\" {\n\t\tt.Errorf(\"an unknown kind: %%T %%v\", e, err)\n\t}\n}\n", g.provider)
	return []byte(b.String())
}
