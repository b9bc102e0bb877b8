// A short statement of what a check asks, shown beside its result: "status is 2xx", "$.id exists".
import type { Check, Comparison } from '../models/checks';
import { lengthRangeText } from './compare';
import { shortText } from './shortText';

export function comparisonText(compare: Comparison): string {
  switch (compare.op) {
    case 'exists':
      return 'exists';
    case 'absent':
      return 'is absent';
    case 'equals':
      return `equals "${shortText(compare.value, 60)}"`;
    case 'contains':
      return `contains "${shortText(compare.value, 60)}"`;
    case 'matches':
      return `matches /${shortText(compare.pattern, 60)}/${compare.flags}`;
    case 'type':
      return `is ${compare.type === 'array' || compare.type === 'object' ? 'an' : 'a'} ${compare.type}`;
    case 'length':
      return `has length ${lengthRangeText(compare.min, compare.max)}`;
  }
}

export function checkLabel(check: Check): string {
  switch (check.kind) {
    case 'status':
      return `status is ${check.expect}`;
    case 'time':
      return `time under ${check.underMs} ms`;
    case 'header':
      return `header ${check.name} ${comparisonText(check.compare)}`;
    case 'json':
      return `${check.path} ${comparisonText(check.compare)}`;
    case 'text':
      return `body ${comparisonText(check.compare)}`;
    case 'identity':
      return `caller is ${check.expect}`;
  }
}
