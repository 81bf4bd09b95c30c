/**
 * The template language in stages: syntax (lines, markers, placeholders) → check (against the declared fields
 * and the sample) → fill (data through filters) → blocks (markers → document model); builtin loads templates/.
 */
export { builtinTemplate, builtinTemplates, builtinTemplatesDir } from './builtin';
export { useBuiltinTemplatesDir } from './dir';
export { FILTERS, unknownDataFields } from './check';
export { fillTemplate } from './fill';
export { MARKERS, TemplateError } from './syntax';
export { parseTemplate, type Template } from './template';
export { FIELD_TYPE_HELP, FIELD_TYPES, type FieldChoice, type FieldDecl, type FieldType } from './fields';
