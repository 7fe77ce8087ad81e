// Department names as documents spell them: one canonical key per real department, collective names recognised.

/** Strips what documents add around a unit name: spaces, a trailing 等, stray punctuation. */
export function cleanUnitName(raw: string): string {
  return raw
    .replace(/[\s\u3000]+/g, '')
    .replace(/^[,\uFF0C、;\uFF1B:\uFF1A。.]+|[,\uFF0C、;\uFF1B:\uFF1A。.]+$/g, '')
    .replace(/(等|等单位|等部门)$/, '');
}

/**
 * The key under which spellings of the same department meet: 相关/有关 and 办公室/办 and
 * 人民政府/政府 are the same thing in these documents.
 */
export function canonicalKey(name: string): string {
  return cleanUnitName(name)
    .replace(/\uFF08/g, '(')
    .replace(/\uFF09/g, ')')
    .replace(/相关/g, '有关')
    .replace(/人民政府/g, '政府')
    .replace(/办公室$/, '办');
}

const COLLECTIVE = /^(各|有关|相关|全)|各(部门|单位|部委办局|镇|乡镇|街道|园区|级)|(有关|相关)(部门|单位)|直(属|有关|相关)?(各)?(部门|单位)|^乡镇[(\uFF08]街道[)\uFF09]$|成员单位/;

/** 县直有关部门, 区各部门, 各镇街: many departments named as one. */
export function isCollective(name: string): boolean {
  return COLLECTIVE.test(cleanUnitName(name));
}
