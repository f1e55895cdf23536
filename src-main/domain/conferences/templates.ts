import { z } from 'zod';
import { parseYamlTemplate, type TemplateResult } from '../shared/template-file';
import { requiredText, text } from '../shared/text';
import { ACTION_KINDS, type ActionKind } from '../outcomes/agreement';
import { FEEDBACK_ITEMS, type FeedbackItem } from '../outcomes/feedback';

/**
 * The conference wording a service edits (templates/conferences/*.yaml): default ground rules,
 * the labels of agreement actions, and the feedback questionnaire. The caller reads the file;
 * these functions check it and say which line is wrong.
 */
export const GroundRulesFileSchema = z.strictObject({
  version: z.literal(1, { error: 'version must be 1' }),
  groundRules: z.array(requiredText('Ground rule', 500)).min(1, { error: 'list at least one ground rule' }).max(30, { error: 'at most 30 ground rules' }),
});
export type GroundRulesFile = z.infer<typeof GroundRulesFileSchema>;

export function parseGroundRules(yamlText: string, file: string): TemplateResult<GroundRulesFile> {
  return parseYamlTemplate(yamlText, file, GroundRulesFileSchema);
}

const ActionWordingSchema = z.strictObject({
  kind: z.enum(ACTION_KINDS, { error: `kind is one of: ${ACTION_KINDS.join(', ')}` }),
  label: requiredText('label', 80),
  hint: text('hint', 200).optional(),
  suggestedEvidence: text('suggestedEvidence', 500).optional(),
});
export type ActionWording = z.infer<typeof ActionWordingSchema>;

export const AgreementActionsFileSchema = z
  .strictObject({
    version: z.literal(1, { error: 'version must be 1' }),
    actions: z.array(ActionWordingSchema).max(ACTION_KINDS.length * 2),
  })
  .superRefine((f, ctx) => {
    const seen = new Set<ActionKind>();
    f.actions.forEach((a, i) => {
      if (seen.has(a.kind)) ctx.addIssue({ code: 'custom', path: ['actions', i, 'kind'], message: `the kind "${a.kind}" is listed twice` });
      seen.add(a.kind);
    });
    const missing = ACTION_KINDS.filter((k) => !seen.has(k));
    if (missing.length > 0) ctx.addIssue({ code: 'custom', path: ['actions'], message: `add wording for: ${missing.join(', ')}` });
  });
export type AgreementActionsFile = z.infer<typeof AgreementActionsFileSchema>;

export function parseAgreementActions(yamlText: string, file: string): TemplateResult<AgreementActionsFile> {
  return parseYamlTemplate(yamlText, file, AgreementActionsFileSchema);
}

const choices = (name: string) => z.array(requiredText(`a choice in ${name}`, 120)).min(1, { error: `${name} needs at least one choice` }).max(40).optional();

export const FeedbackFileSchema = z.strictObject({
  version: z.literal(1, { error: 'version must be 1' }),
  statements: z.strictObject(Object.fromEntries(FEEDBACK_ITEMS.map((k) => [k, requiredText(k, 300)])) as Record<FeedbackItem, ReturnType<typeof requiredText>>),
  equality: z
    .strictObject({
      ageBand: choices('ageBand'),
      sex: choices('sex'),
      genderIdentity: choices('genderIdentity'),
      ethnicity: choices('ethnicity'),
      disability: choices('disability'),
      religion: choices('religion'),
      sexualOrientation: choices('sexualOrientation'),
    })
    .optional(),
});
export type FeedbackFile = z.infer<typeof FeedbackFileSchema>;

export function parseFeedbackTemplate(yamlText: string, file: string): TemplateResult<FeedbackFile> {
  return parseYamlTemplate(yamlText, file, FeedbackFileSchema);
}
