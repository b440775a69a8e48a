import { placeholder } from './index.js';
import { Injectable } from '@nestjs/common';
@Injectable()
class A { constructor() {} }
describe('x', () => { it('works', () => { expect(placeholder).toBe(1); expect(new A()).toBeTruthy(); }); });
