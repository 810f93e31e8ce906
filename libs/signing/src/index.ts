export { SendRefs } from './send-refs';
export { Signer } from './signer';
export { SigningModule } from './signing.module';
